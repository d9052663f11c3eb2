/**
 * Finds the one user a typed name denotes: an escaped equality filter over the configured login
 * attributes (sAMAccountName, userPrincipalName, mail...), restricted to person/user objects, below
 * every configured base DN.
 */
import type { Client, Entry } from 'ldapts';
import { DirectoryError } from '../errors';
import { escapeFilterValue } from '../ldap/escape';
import { first, values } from '../password-modify/entry-values';
import type { DirectoryUser } from '../user';

const maxNameLength = 256;
export const userAttributes = [
  'sAMAccountName',
  'userPrincipalName',
  'displayName',
  'mail',
  'memberOf',
  'objectSid',
  'primaryGroupID',
  'adminCount',
  'userAccountControl',
  'accountExpires',
];

export function userFilter(loginAttributes: readonly string[], typedName: string): string {
  const value = escapeFilterValue(typedName);
  const terms = loginAttributes.map((attribute) => `(${attribute}=${value})`).join('');
  return `(&(objectCategory=person)(objectClass=user)(|${terms}))`;
}

export function checkTypedName(typedName: string): string {
  const name = typedName.trim();
  if (name.length === 0 || name.length > maxNameLength) {
    throw new DirectoryError('invalidInput', `typed user name is empty or longer than ${maxNameLength} characters`);
  }
  // Escaped or not, a NUL ends the value inside the DC (Samba matched "name\0" as "name"): no name has controls.
  if (/\p{Cc}/u.test(name)) throw new DirectoryError('invalidInput', 'typed user name contains control characters');
  return name;
}

export function toDirectoryUser(entry: Entry): DirectoryUser {
  const displayName = first(entry, 'displayName');
  const mail = first(entry, 'mail');
  const userPrincipalName = first(entry, 'userPrincipalName');
  return {
    dn: entry.dn,
    accountName: first(entry, 'sAMAccountName') ?? entry.dn,
    ...(displayName ? { displayName } : {}),
    ...(mail ? { mail } : {}),
    ...(userPrincipalName ? { userPrincipalName } : {}),
    memberOf: values(entry, 'memberOf'),
  };
}

/** The single matching entry; the same entry seen from overlapping base DNs counts once. */
export async function findUserEntry(client: Client, baseDns: readonly string[], loginAttributes: readonly string[], typedName: string): Promise<Entry> {
  const filter = userFilter(loginAttributes, typedName);
  const found = new Map<string, Entry>();
  for (const baseDn of baseDns) {
    const { searchEntries } = await client
      .search(baseDn, { scope: 'sub', filter, attributes: userAttributes, explicitBufferAttributes: ['objectSid'], sizeLimit: 2 })
      .catch((err: unknown) => {
        // A base DN that does not exist (32) holds nobody; anything else is a real failure.
        if (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 32) return { searchEntries: [] as Entry[] };
        throw err;
      });
    for (const entry of searchEntries) found.set(entry.dn.toLowerCase(), entry);
  }
  // Counts and base DNs are logged, never the typed name (users sometimes type a password there).
  if (found.size === 0) throw new DirectoryError('userNotFound', `no user matched the typed name below ${baseDns.length} base DN(s)`);
  if (found.size > 1) throw new DirectoryError('ambiguousUser', `${found.size} users matched the typed name`);
  return [...found.values()][0] as Entry;
}
