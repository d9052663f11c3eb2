/**
 * Security identifiers: the binary objectSid (MS-DTYP 2.4.2.2) as the string form AD accepts in
 * filters, and the well-known identities that make an account privileged.
 */

export function sidToString(sid: Buffer): string | undefined {
  if (sid.length < 8) return undefined;
  const revision = sid.readUInt8(0);
  const subAuthorityCount = sid.readUInt8(1);
  if (sid.length !== 8 + 4 * subAuthorityCount) return undefined;
  const authority = sid.readUIntBE(2, 6);
  const subAuthorities = Array.from({ length: subAuthorityCount }, (_, index) => sid.readUInt32LE(8 + 4 * index));
  return ['S', revision, authority, ...subAuthorities].join('-');
}

/** The last sub-authority: the account's relative identifier within its domain. */
export function ridOf(sid: string): number | undefined {
  const last = sid.split('-').pop();
  return last !== undefined && /^\d+$/.test(last) ? Number(last) : undefined;
}

/**
 * Groups whose members AD protects through AdminSDHolder (MS-ADTS 3.1.1.6.1.2), by RID in the domain:
 * Domain Admins, Domain Controllers, Schema Admins, Enterprise Admins, Read-only Domain Controllers,
 * Key Admins, Enterprise Key Admins. Names differ by language and can be renamed; RIDs cannot.
 */
export const protectedDomainGroupRids: readonly number[] = [512, 516, 518, 519, 521, 526, 527];

/** Built-in protected groups: Administrators, Account, Server, Print and Backup Operators, Replicator. */
export const protectedBuiltinGroupSids: readonly string[] = ['S-1-5-32-544', 'S-1-5-32-548', 'S-1-5-32-549', 'S-1-5-32-550', 'S-1-5-32-551', 'S-1-5-32-552'];

/** Accounts protected in themselves: the domain's Administrator and krbtgt. */
export const protectedAccountRids: readonly number[] = [500, 502];

export function protectedGroupSids(domainSid: string): string[] {
  return [...protectedDomainGroupRids.map((rid) => `${domainSid}-${rid}`), ...protectedBuiltinGroupSids];
}
