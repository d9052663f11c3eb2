/**
 * Active Directory domain controller discovery by DNS SRV (RFC 2782 ordering), with the PDC emulator
 * located separately so password writes can go to it first: it is where other DCs forward bad-password
 * checks, so a reset there is seen at once domain-wide.
 */
import { promises as dns, type SrvRecord } from 'node:dns';

export interface SrvResolver {
  resolveSrv(name: string): Promise<SrvRecord[]>;
}

export interface DiscoveredServers {
  /** ldaps:// URLs in the order to try them. */
  servers: string[];
  /** The PDC emulator's URL, when DNS names one. */
  pdc?: string;
}

/**
 * Orders SRV records: lowest priority first; within a priority, weighted random selection (RFC 2782).
 * `random` is injected so tests are deterministic.
 */
export function orderSrvRecords(records: readonly SrvRecord[], random: () => number = Math.random): SrvRecord[] {
  const byPriority = new Map<number, SrvRecord[]>();
  for (const record of records) byPriority.set(record.priority, [...(byPriority.get(record.priority) ?? []), record]);
  const ordered: SrvRecord[] = [];
  for (const priority of [...byPriority.keys()].sort((a, b) => a - b)) {
    const pool = [...(byPriority.get(priority) ?? [])];
    while (pool.length > 0) {
      const total = pool.reduce((sum, r) => sum + r.weight, 0);
      let pick = random() * total;
      let index = pool.findIndex((r) => (pick -= r.weight) < 0);
      if (index < 0) index = 0; // all weights zero
      ordered.push(...pool.splice(index, 1));
    }
  }
  return ordered;
}

const toLdapsUrl = (record: SrvRecord): string => `ldaps://${record.name.replace(/\.$/, '')}:636`;

async function lookup(resolver: SrvResolver, name: string): Promise<SrvRecord[]> {
  try {
    return await resolver.resolveSrv(name);
  } catch {
    return []; // NXDOMAIN or no answer: no servers from this name
  }
}

export async function discoverDomainControllers(
  domain: string,
  resolver: SrvResolver = dns,
  random: () => number = Math.random,
): Promise<DiscoveredServers> {
  const [dcs, pdcs] = await Promise.all([
    lookup(resolver, `_ldap._tcp.dc._msdcs.${domain}`),
    lookup(resolver, `_ldap._tcp.pdc._msdcs.${domain}`),
  ]);
  const servers = orderSrvRecords(dcs, random).map(toLdapsUrl);
  const pdcRecord = pdcs[0];
  return pdcRecord ? { servers, pdc: toLdapsUrl(pdcRecord) } : { servers };
}

/** Servers in the order for writes: the PDC emulator first when known, then the rest. */
export function orderForWrites(found: DiscoveredServers): string[] {
  if (!found.pdc) return found.servers;
  return [found.pdc, ...found.servers.filter((url) => url !== found.pdc)];
}
