/**
 * Whether a resolved user is one Sesame may serve: below a configured base DN, in an allowed group
 * (when any are configured) and in no excluded group. Membership is followed upwards through memberOf
 * on group entries, so nested groups count as on AD.
 */
import type { Client } from 'ldapts';
import { DirectoryError } from '../errors';
import type { DirectoryUser } from '../user';
import { values } from './entry-values';

const maxGroupsVisited = 200;

function rdns(dn: string): string[] {
  return dn.split(/(?<!\\),/).map((rdn) =>
    rdn
      .split(/(?<!\\)=/)
      .map((part) => part.trim())
      .join('=')
      .toLowerCase(),
  );
}

/** Case and spacing around separators do not make two DNs differ (enough for configured group DNs). */
export function normalizeDn(dn: string): string {
  return rdns(dn).join(',');
}

/** Compared RDN by RDN, so an escaped comma inside a value is not a level of the tree. */
export function isBelow(dn: string, baseDn: string): boolean {
  const entry = rdns(dn);
  const base = rdns(baseDn);
  if (base.length > entry.length) return false;
  return base.every((rdn, index) => entry[entry.length - base.length + index] === rdn);
}

/** Every group the user belongs to, directly or through groups that are members of groups. */
export async function allGroupsOf(client: Client, user: DirectoryUser): Promise<Set<string>> {
  const seen = new Set<string>();
  let frontier = [...user.memberOf];
  while (frontier.length > 0 && seen.size < maxGroupsVisited) {
    const next: string[] = [];
    for (const group of frontier) {
      const key = normalizeDn(group);
      if (seen.has(key)) continue;
      seen.add(key);
      // Only a group that no longer exists (32) is skipped: any other failure must not let a member of
      // an excluded group through, so it propagates.
      const { searchEntries } = await client.search(group, { scope: 'base', attributes: ['memberOf'] }).catch((err: unknown) => {
        if (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 32) return { searchEntries: [] };
        throw err;
      });
      for (const entry of searchEntries) next.push(...values(entry, 'memberOf'));
    }
    frontier = next;
  }
  return seen;
}

export interface ScopeRules {
  baseDns: readonly string[];
  allowedGroups: readonly string[];
  excludedGroups: readonly string[];
}

export async function checkScope(client: Client, user: DirectoryUser, rules: ScopeRules): Promise<void> {
  if (!rules.baseDns.some((base) => isBelow(user.dn, base))) {
    throw new DirectoryError('outOfScope', `${user.dn} is outside the configured base DNs`);
  }
  if (rules.allowedGroups.length === 0 && rules.excludedGroups.length === 0) return;
  const groups = await allGroupsOf(client, user);
  const excluded = rules.excludedGroups.find((group) => groups.has(normalizeDn(group)));
  if (excluded) throw new DirectoryError('outOfScope', `${user.dn} is a member of the excluded group ${excluded}`);
  if (rules.allowedGroups.length > 0 && !rules.allowedGroups.some((group) => groups.has(normalizeDn(group)))) {
    throw new DirectoryError('outOfScope', `${user.dn} is in none of the ${rules.allowedGroups.length} allowed group(s)`);
  }
}
