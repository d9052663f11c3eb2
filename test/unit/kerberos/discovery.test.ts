import type { SrvRecord } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { kerberosConfigSchema } from '../../../electron/kerberos/config';
import { parseEndpoint, resolveKerberosEndpoints } from '../../../electron/kerberos/discovery';
import { hostAddressOf } from '../../../electron/kerberos/host-address';
import { defaultSalt, formatPrincipal, parsePrincipal } from '../../../electron/kerberos/principal';

const resolver = (records: Record<string, SrvRecord[]>) => ({
  resolveSrv: async (name: string) => {
    const found = records[name];
    if (!found) throw Object.assign(new Error('queryNotFound'), { code: 'ENOTFOUND' });
    return found;
  },
});
const srv = (name: string, port: number, priority = 0, weight = 0): SrvRecord => ({ name, port, priority, weight });

describe('Kerberos server discovery', () => {
  it('uses configured hosts with default ports', async () => {
    const config = kerberosConfigSchema.parse({ realm: 'EXAMPLE.TEST', kdcs: ['dc1.example.test', '[::1]:8888'], kpasswdServers: ['127.0.0.1'] });
    expect(await resolveKerberosEndpoints(config, resolver({}))).toEqual({
      kdcs: [{ host: 'dc1.example.test', port: 88 }, { host: '::1', port: 8888 }],
      kpasswdServers: [{ host: '127.0.0.1', port: 464 }],
    });
  });

  it('finds KDC and kpasswd by SRV for the chosen transport, in priority order', async () => {
    const config = kerberosConfigSchema.parse({ realm: 'EXAMPLE.TEST', transport: 'udp' });
    const found = await resolveKerberosEndpoints(
      config,
      resolver({
        '_kerberos._udp.EXAMPLE.TEST': [srv('dc2.example.test.', 88, 10), srv('dc1.example.test.', 88, 0)],
        '_kpasswd._udp.EXAMPLE.TEST': [srv('dc1.example.test.', 464)],
      }),
    );
    expect(found.kdcs.map((kdc) => kdc.host)).toEqual(['dc1.example.test', 'dc2.example.test']);
    expect(found.kpasswdServers).toEqual([{ host: 'dc1.example.test', port: 464 }]);
  });

  it('falls back to the KDC hosts on port 464 when no kpasswd SRV exists', async () => {
    const config = kerberosConfigSchema.parse({ realm: 'EXAMPLE.TEST' });
    const found = await resolveKerberosEndpoints(config, resolver({ '_kerberos._tcp.EXAMPLE.TEST': [srv('dc1.example.test', 1088)] }));
    expect(found.kpasswdServers).toEqual([{ host: 'dc1.example.test', port: 464 }]);
  });

  it('does not ask DNS for kpasswd when KDCs are configured by hand', async () => {
    const config = kerberosConfigSchema.parse({ realm: 'EXAMPLE.TEST', kdcs: ['kdc1:1088', 'kdc2'] });
    const found = await resolveKerberosEndpoints(config, { resolveSrv: async () => { throw new Error('DNS must not be used'); } });
    expect(found.kpasswdServers).toEqual([{ host: 'kdc1', port: 464 }, { host: 'kdc2', port: 464 }]);
  });

  it('is a configuration error when no KDC can be found', async () => {
    const config = kerberosConfigSchema.parse({ realm: 'EXAMPLE.TEST' });
    await expect(resolveKerberosEndpoints(config, resolver({}))).rejects.toMatchObject({ code: 'configuration' });
  });

  it('validates configuration', () => {
    expect(() => kerberosConfigSchema.parse({ realm: 'EXAMPLE.TEST', kdcs: ['bad host'] })).toThrow();
    expect(() => kerberosConfigSchema.parse({ realm: 'has space' })).toThrow();
    expect(kerberosConfigSchema.parse({ realm: 'EXAMPLE.TEST' }).transport).toBe('tcp');
    expect(() => parseEndpoint('host:99999', 88)).toThrow();
  });
});

describe('principal names', () => {
  it('parses user, realm and service forms', () => {
    expect(parsePrincipal('alice', 'EXAMPLE.TEST')).toEqual({ name: { type: 1, components: ['alice'] }, realm: 'EXAMPLE.TEST' });
    expect(parsePrincipal('bob@OTHER.TEST', 'EXAMPLE.TEST').realm).toBe('OTHER.TEST');
    expect(parsePrincipal('kadmin/changepw@EXAMPLE.TEST', 'X')).toEqual({ name: { type: 2, components: ['kadmin', 'changepw'] }, realm: 'EXAMPLE.TEST' });
    expect(parsePrincipal('odd\\/name\\@x', 'R').name.components).toEqual(['odd/name@x']);
    expect(formatPrincipal(parsePrincipal('odd\\/name', 'R'))).toBe('odd\\/name@R');
  });

  it('refuses empty components', () => {
    for (const bad of ['', '@REALM', 'a//b', 'alice@']) expect(() => parsePrincipal(bad, 'R')).toThrow(/empty/);
  });

  it('builds the RFC 3962 default salt', () => {
    expect(defaultSalt(parsePrincipal('host/dc1@EXAMPLE.TEST', 'X')).toString()).toBe('EXAMPLE.TESThostdc1');
  });
});

describe('sender addresses for KRB-PRIV', () => {
  it('encodes IPv4, IPv4-mapped and IPv6', () => {
    expect(hostAddressOf({ address: '127.0.0.1', family: 4 })).toEqual({ type: 2, address: Buffer.from([127, 0, 0, 1]) });
    expect(hostAddressOf({ address: '::ffff:10.1.2.3', family: 6 })).toEqual({ type: 2, address: Buffer.from([10, 1, 2, 3]) });
    expect(hostAddressOf({ address: '::1', family: 6 }).address.toString('hex')).toBe('00000000000000000000000000000001');
    expect(hostAddressOf({ address: 'fe80::1:2%eth0', family: 6 }).address.toString('hex')).toBe('fe800000000000000000000000010002');
  });
});
