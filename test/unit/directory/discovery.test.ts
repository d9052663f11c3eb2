import { describe, expect, it } from 'vitest';
import type { SrvRecord } from 'node:dns';
import { discoverDomainControllers, orderForWrites, orderSrvRecords } from '../../../electron/directory/ldap/discovery';

const srv = (name: string, priority: number, weight: number): SrvRecord => ({ name, port: 389, priority, weight });

describe('orderSrvRecords', () => {
  it('puts lower priority first whatever the weights', () => {
    const ordered = orderSrvRecords([srv('b', 10, 100), srv('a', 0, 1)], () => 0.99);
    expect(ordered.map((r) => r.name)).toEqual(['a', 'b']);
  });
  it('picks by weight within a priority', () => {
    const records = [srv('light', 0, 10), srv('heavy', 0, 90)];
    expect(orderSrvRecords(records, () => 0.05)[0]?.name).toBe('light');
    expect(orderSrvRecords(records, () => 0.5)[0]?.name).toBe('heavy');
  });
  it('keeps every record when all weights are zero', () => {
    expect(orderSrvRecords([srv('a', 0, 0), srv('b', 0, 0)], () => 0.3)).toHaveLength(2);
  });
});

describe('discoverDomainControllers', () => {
  const resolver = (answers: Record<string, SrvRecord[]>) => ({
    resolveSrv: async (name: string) => {
      const found = answers[name];
      if (!found) throw Object.assign(new Error('queryNxdomain'), { code: 'ENOTFOUND' });
      return found;
    },
  });

  it('returns ldaps URLs and the PDC emulator, PDC first for writes', async () => {
    const found = await discoverDomainControllers(
      'example.test',
      resolver({
        '_ldap._tcp.dc._msdcs.example.test': [srv('dc1.example.test.', 0, 100), srv('dc2.example.test', 0, 0)],
        '_ldap._tcp.pdc._msdcs.example.test': [srv('dc2.example.test', 0, 100)],
      }),
      () => 0,
    );
    expect(found.servers).toEqual(['ldaps://dc1.example.test:636', 'ldaps://dc2.example.test:636']);
    expect(found.pdc).toBe('ldaps://dc2.example.test:636');
    expect(orderForWrites(found)).toEqual(['ldaps://dc2.example.test:636', 'ldaps://dc1.example.test:636']);
  });

  it('answers no servers when DNS has none', async () => {
    const found = await discoverDomainControllers('nowhere.test', resolver({}));
    expect(found).toEqual({ servers: [] });
    expect(orderForWrites(found)).toEqual([]);
  });
});
