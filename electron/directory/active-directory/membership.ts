/**
 * Nested group membership the AD way: LDAP_MATCHING_RULE_IN_CHAIN (1.2.840.113556.1.4.1941) lets the
 * DC follow member links transitively, so one base-scope search on the user answers "member of any
 * of these, at any depth". Primary-group membership (primaryGroupID) is not a member link: callers
 * that care check it separately.
 */
import type { Client } from 'ldapts';
import { escapeFilterValue } from '../ldap/escape';

export const inChainRule = '1.2.840.113556.1.4.1941';

export function memberOfAnyFilter(groupDns: readonly string[]): string {
  const terms = groupDns.map((dn) => `(memberOf:${inChainRule}:=${escapeFilterValue(dn)})`);
  return terms.length === 1 ? (terms[0] ?? '') : `(|${terms.join('')})`;
}

/** Whether the entry at `dn` is a (nested) member of at least one of `groupDns`. */
export async function isNestedMemberOfAny(client: Client, dn: string, groupDns: readonly string[]): Promise<boolean> {
  if (groupDns.length === 0) return false;
  const { searchEntries } = await client.search(dn, { scope: 'base', filter: memberOfAnyFilter(groupDns), attributes: ['1.1'] });
  return searchEntries.length > 0;
}
