/**
 * Privileged accounts Sesame refuses to serve: adminCount=1, the domain's Administrator and krbtgt,
 * and (nested or primary-group) members of the protected groups. Groups are found by SID, never by
 * name. adminCount alone is not enough: it is stamped only later by the protected-objects pass, so a
 * user just added to Domain Admins has none yet.
 */
import type { Client, Entry } from 'ldapts';
import { first, integer } from '../password-modify/entry-values';
import { isNestedMemberOfAny } from './membership';
import { protectedAccountRids, protectedDomainGroupRids, protectedGroupSids, ridOf, sidToString } from './sid';

/** DNs of the protected groups that exist in this domain (Enterprise/Schema Admins only in the forest root). */
export async function findProtectedGroupDns(client: Client, namingContext: string, domainSid: string): Promise<string[]> {
  const filter = `(|${protectedGroupSids(domainSid)
    .map((sid) => `(objectSid=${sid})`)
    .join('')})`;
  const { searchEntries } = await client.search(namingContext, { scope: 'sub', filter, attributes: ['1.1'] });
  return searchEntries.map((entry) => entry.dn);
}

export function entrySid(entry: Entry): string | undefined {
  const raw = entry.objectSid;
  return Buffer.isBuffer(raw) ? sidToString(raw) : undefined;
}

/** Why the account is protected, or undefined. `entry` carries adminCount, objectSid and primaryGroupID. */
export interface ProtectionFacts {
  namingContext: string;
  domainSid: string;
  protectedGroupDns: readonly string[];
}

export async function protectionReason(client: Client, entry: Entry, facts: ProtectionFacts): Promise<string | undefined> {
  const { namingContext, domainSid, protectedGroupDns } = facts;
  if (first(entry, 'adminCount') === '1') return 'adminCount is 1';
  const rid = ridOf(entrySid(entry) ?? '');
  if (rid !== undefined && protectedAccountRids.includes(rid)) return `well-known privileged account (RID ${rid})`;
  const primaryGroup = integer(entry, 'primaryGroupID');
  if (primaryGroup !== undefined && protectedDomainGroupRids.includes(primaryGroup)) return `primary group RID ${primaryGroup} is protected`;
  if (await isNestedMemberOfAny(client, entry.dn, protectedGroupDns)) return 'member of a protected group';
  // A custom primary group may itself sit inside a protected group (513 is Domain Users).
  if (primaryGroup !== undefined && primaryGroup !== 513) {
    const { searchEntries } = await client.search(namingContext, { scope: 'sub', filter: `(objectSid=${domainSid}-${primaryGroup})`, attributes: ['1.1'] });
    const groupDn = searchEntries[0]?.dn;
    if (groupDn && (await isNestedMemberOfAny(client, groupDn, protectedGroupDns))) return `primary group RID ${primaryGroup} is inside a protected group`;
  }
  return undefined;
}
