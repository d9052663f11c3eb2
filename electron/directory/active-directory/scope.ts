/** Allowed and excluded groups, by nested membership (see membership.ts). */
import type { Client } from 'ldapts';
import { DirectoryError } from '../errors';
import { isNestedMemberOfAny } from './membership';

export interface GroupRules {
  allowedGroups: readonly string[];
  excludedGroups: readonly string[];
}

export async function checkGroupScope(client: Client, userDn: string, rules: GroupRules): Promise<void> {
  if (await isNestedMemberOfAny(client, userDn, rules.excludedGroups)) {
    throw new DirectoryError('outOfScope', `${userDn} is a (nested) member of an excluded group`);
  }
  if (rules.allowedGroups.length > 0 && !(await isNestedMemberOfAny(client, userDn, rules.allowedGroups))) {
    throw new DirectoryError('outOfScope', `${userDn} is in none of the ${rules.allowedGroups.length} allowed group(s)`);
  }
}
