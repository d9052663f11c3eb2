/**
 * Where to send KDC and kpasswd traffic: configured hosts, or DNS SRV records for the realm
 * (RFC 4120 §7.2.3, ordered by priority and weight as for LDAP), with the KDC hosts on port 464 as
 * the kpasswd fallback (and the only choice when KDCs are configured but kpasswd servers are not).
 */
import { promises as dns } from 'node:dns';
import { DirectoryError } from '../directory/errors';
import { orderSrvRecords, type SrvResolver } from '../directory/ldap/discovery';
import type { KerberosConfig } from './config';
import type { Endpoint, Protocol } from './net';

export const KDC_PORT = 88;
export const KPASSWD_PORT = 464;

export interface KerberosEndpoints {
  kdcs: Endpoint[];
  kpasswdServers: Endpoint[];
}

export function parseEndpoint(text: string, defaultPort: number): Endpoint {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const [, host = text, port] = bracketed ?? /^([^:]+)(?::(\d+))?$/.exec(text) ?? [];
  const portNumber = port === undefined ? defaultPort : Number(port);
  if (!host || !Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) {
    throw new DirectoryError('configuration', `invalid Kerberos server address ${text}`);
  }
  return { host, port: portNumber };
}

async function lookupSrv(resolver: SrvResolver, name: string, random: () => number): Promise<Endpoint[]> {
  try {
    const records = await resolver.resolveSrv(name);
    // A lone "." target means the service is explicitly not offered (RFC 2782).
    return orderSrvRecords(records, random)
      .filter((record) => record.name !== '' && record.name !== '.')
      .map((record) => ({ host: record.name.replace(/\.$/, ''), port: record.port }));
  } catch {
    return [];
  }
}

export async function resolveKerberosEndpoints(
  config: KerberosConfig,
  resolver: SrvResolver = dns,
  random: () => number = Math.random,
): Promise<KerberosEndpoints> {
  const protocol: Protocol = config.transport;
  const kdcs =
    config.kdcs.length > 0
      ? config.kdcs.map((text) => parseEndpoint(text, KDC_PORT))
      : await lookupSrv(resolver, `_kerberos._${protocol}.${config.realm}`, random);
  if (kdcs.length === 0) {
    throw new DirectoryError('configuration', `no KDC for realm ${config.realm}: none configured and no _kerberos._${protocol} SRV record`);
  }
  // With KDCs configured by hand, DNS is not consulted at all (it may not know the realm).
  let kpasswdServers =
    config.kpasswdServers.length > 0
      ? config.kpasswdServers.map((text) => parseEndpoint(text, KPASSWD_PORT))
      : config.kdcs.length > 0
        ? []
        : await lookupSrv(resolver, `_kpasswd._${protocol}.${config.realm}`, random);
  if (kpasswdServers.length === 0) kpasswdServers = kdcs.map((kdc) => ({ host: kdc.host, port: KPASSWD_PORT }));
  return { kdcs, kpasswdServers };
}
