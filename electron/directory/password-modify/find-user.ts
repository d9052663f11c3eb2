/**
 * Finds the one entry a typed name denotes: an escaped equality filter over the configured login
 * attributes, searched below every configured base DN. Nothing the user types reaches the filter unescaped.
 */
import type { Client, Entry } from 'ldapts';
import { DirectoryError } from '../errors';
import { escapeFilterValue } from '../ldap/escape';
import type { DirectoryUser } from '../user';
import { first, values } from './entry-values';

const maxNameLength = 256;
export const userAttributes = ['uid', 'cn', 'displayName', 'mail', 'memberOf'];

export function loginFilter(loginAttributes: readonly string[], typedName: string): string {
  const value = escapeFilterValue(typedName);
  const terms = loginAttributes.map((attribute) => `(${attribute}=${value})`);
  return terms.length === 1 ? (terms[0] ?? '') : `(|${terms.join('')})`;
}

export function checkTypedName(typedName: string): string {
  const name = typedName.trim();
  if (name.length === 0 || name.length > maxNameLength) {
    throw new DirectoryError('invalidInput', `typed user name is empty or longer than ${maxNameLength} characters`);
  }
  return name;
}

export function toDirectoryUser(entry: Entry, loginAttributes: readonly string[]): DirectoryUser {
  const accountName = first(entry, 'uid') ?? loginAttributes.map((attribute) => first(entry, attribute)).find(Boolean) ?? entry.dn;
  const displayName = first(entry, 'displayName') ?? first(entry, 'cn');
  const mail = first(entry, 'mail');
  return {
    dn: entry.dn,
    accountName,
    ...(displayName ? { displayName } : {}),
    ...(mail ? { mail } : {}),
    memberOf: values(entry, 'memberOf'),
  };
}

/** The single matching entry below the base DNs; the same entry seen from overlapping bases counts once. */
export async function findUserEntry(client: Client, baseDns: readonly string[], loginAttributes: readonly string[], typedName: string): Promise<Entry> {
  const filter = loginFilter(loginAttributes, typedName);
  const found = new Map<string, Entry>();
  for (const baseDn of baseDns) {
    const { searchEntries } = await client.search(baseDn, { scope: 'sub', filter, attributes: [...userAttributes, ...loginAttributes], sizeLimit: 2 }).catch((err: unknown) => {
      // A base DN that does not exist (32) simply holds nobody; anything else is a real failure.
      // (ldapts returns the entries when the server stops at sizeLimit: two are enough to say "ambiguous".)
      if (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 32) return { searchEntries: [] as Entry[] };
      throw err;
    });
    for (const entry of searchEntries) found.set(entry.dn.toLowerCase(), entry);
  }
  // The count and base DNs are logged, never the typed name (users sometimes type a password there).
  if (found.size === 0) throw new DirectoryError('userNotFound', `no entry matched the typed name below ${baseDns.length} base DN(s)`);
  if (found.size > 1) throw new DirectoryError('ambiguousUser', `${found.size} entries matched the typed name`);
  return [...found.values()][0] as Entry;
}
