import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../../electron/directory/ttl-cache';

describe('TtlCache', () => {
  it('answers until the entry expires', () => {
    let now = 1000;
    const cache = new TtlCache<string, number>(500, () => now);
    cache.set('a', 1);
    now = 1499;
    expect(cache.get('a')).toBe(1);
    now = 1500;
    expect(cache.get('a')).toBeUndefined();
  });
  it('hands an entry out once with take', () => {
    const cache = new TtlCache<string, number>(500, () => 0);
    cache.set('a', 1);
    expect(cache.take('a')).toBe(1);
    expect(cache.take('a')).toBeUndefined();
    expect(cache.get('a')).toBeUndefined();
  });
  it('replaces an entry and restarts its lifetime', () => {
    let now = 0;
    const cache = new TtlCache<string, number>(100, () => now);
    cache.set('a', 1);
    now = 90;
    cache.set('a', 2);
    now = 150;
    expect(cache.get('a')).toBe(2);
  });
});
