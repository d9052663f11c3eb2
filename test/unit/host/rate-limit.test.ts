import { describe, expect, it } from 'vitest';
import { RateLimiter, addressKey } from '../../../electron/host/rate-limit';

describe('RateLimiter (token bucket)', () => {
  it('allows a burst of capacity, then refills at the rate', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 3, perSecond: 2 }, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    now = 499;
    expect(limiter.take('a')).toBe(false);
    now = 1000; // one second at 2 per second: two tokens, whatever the refused take in between
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([true, true, false]);
  });

  it('never accrues beyond capacity', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 2, perSecond: 100 }, () => now);
    limiter.take('a');
    now = 60_000;
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([true, true, false]);
  });

  it('keeps keys apart and bounds how many it remembers', () => {
    const limiter = new RateLimiter({ capacity: 1, perSecond: 0.001 }, () => 0, 3);
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
    expect(limiter.take('b')).toBe(true);
    for (const key of ['c', 'd', 'e']) limiter.take(key);
    expect(limiter.size).toBe(3);
  });

  it('keys IPv6 clients by their /64, since one host holds the whole prefix, and IPv4-mapped clients by their IPv4 address', () => {
    expect(addressKey('2001:db8:1:2::1')).toBe(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(addressKey('2001:0db8:0001:0002:0:0:0:9')).toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('fe80::1%eth0')).toBe(addressKey('fe80::2'));
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.2')).not.toBe(addressKey('192.0.2.1'));
    expect(addressKey('::1')).not.toBe(addressKey('::2:0:0:0:1'));
  });
});
