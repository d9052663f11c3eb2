/**
 * Help-desk rights, after CzechIdM's password permissions (PASSWORD_READ, PASSWORD_UPDATE,
 * IDENTITY_PASSWORDRESET...). Operators get rights from directory groups mapped in configuration;
 * the directory's own delegation still decides every write, since it is made with the operator's bind.
 */
import { z } from 'zod';

export const helpdeskRights = [
  'readState', // see the account panel
  'updateMetadata', // password never expires, valid until
  'resetPassword',
  'changePassword',
  'unlock',
  'manageEnrollment', // clear enrollment, clear the lockout gate
] as const;
export type HelpdeskRight = (typeof helpdeskRights)[number];

export const rightsMappingSchema = z
  .array(z.object({ groupDn: z.string().min(1), rights: z.array(z.enum(helpdeskRights)).min(1) }))
  .default([]);
export type RightsMapping = z.infer<typeof rightsMappingSchema>;

const normaliseDn = (dn: string): string => dn.replace(/\s*([,=+])\s*/g, '$1').toLowerCase();

/** The union of the rights mapped to every group the operator is a member of (membership already resolved, nested). */
export function rightsFor(memberOfDns: readonly string[], mapping: RightsMapping): ReadonlySet<HelpdeskRight> {
  const groups = new Set(memberOfDns.map(normaliseDn));
  const granted = new Set<HelpdeskRight>();
  for (const entry of mapping) {
    if (groups.has(normaliseDn(entry.groupDn))) entry.rights.forEach((right) => granted.add(right));
  }
  return granted;
}

/** Actions shown to an operator: only those their rights allow, so the UI never offers a refused action. */
export function allowedActions(rights: ReadonlySet<HelpdeskRight>): HelpdeskRight[] {
  return helpdeskRights.filter((right) => rights.has(right));
}
