/**
 * Administration on Active Directory (and Samba AD): nested membership with LDAP_MATCHING_RULE_IN_CHAIN,
 * "password never expires" as userAccountControl bit 0x10000, valid-until as accountExpires (FILETIME).
 */
import { Attribute, Change, type Client, type Entry } from 'ldapts';
import { dateToFileTime } from '../active-directory/ad-time';
import type { DirectoryConfig } from '../config';
import { DirectoryError } from '../errors';
import { escapeFilterValue } from '../ldap/escape';
import type { LdapConnector } from '../ldap/connection';
import { first, values } from '../password-modify/entry-values';
import { checkTypedName } from '../password-modify/find-user';
import { isBelow } from '../password-modify/scope';
import type { DirectoryUser } from '../user';
import type { AdministrationCapabilities, DirectoryAdministration, UserSearchPage } from './administration';
import { pagedSearch, substringFilter } from './search';

const userFilter = '(&(objectCategory=person)(objectClass=user))';
const inChain = '1.2.840.113556.1.4.1941';
export const dontExpirePassword = 0x10000;
/** accountExpires value meaning "never" (0 means the same; this is what AD tools write). */
export const accountNeverExpires = '9223372036854775807';

function toAdUser(entry: Entry): DirectoryUser {
  const accountName = first(entry, 'sAMAccountName') ?? entry.dn;
  const displayName = first(entry, 'displayName') ?? first(entry, 'cn');
  const mail = first(entry, 'mail');
  const upn = first(entry, 'userPrincipalName');
  return {
    dn: entry.dn,
    accountName,
    ...(displayName ? { displayName } : {}),
    ...(mail ? { mail } : {}),
    ...(upn ? { userPrincipalName: upn } : {}),
    memberOf: values(entry, 'memberOf'),
  };
}

export class ActiveDirectoryAdministration implements DirectoryAdministration {
  readonly capabilities: AdministrationCapabilities = { passwordNeverExpires: true, validUntil: true };

  constructor(
    private readonly config: DirectoryConfig,
    private readonly connector: LdapConnector,
  ) {}

  private get attributes(): string[] {
    return [...new Set(['sAMAccountName', 'cn', 'displayName', 'mail', 'userPrincipalName', 'memberOf', ...this.config.loginAttributes])];
  }

  resolveAccount(typedName: string): Promise<DirectoryUser> {
    const value = escapeFilterValue(checkTypedName(typedName));
    const filter = `(&${userFilter}(|${this.config.loginAttributes.map((a) => `(${a}=${value})`).join('')}))`;
    return this.connector.withService(async (client) => {
      const { entries, more } = await pagedSearch(client, { baseDns: this.config.baseDns, filter, attributes: this.attributes, offset: 0, pageSize: 1 });
      const entry = entries[0];
      if (!entry) throw new DirectoryError('userNotFound', 'no account matched the typed name');
      if (more) throw new DirectoryError('ambiguousUser', 'more than one account matched the typed name');
      return toAdUser(entry);
    }, 'resolve account');
  }

  async readUser(dn: string): Promise<DirectoryUser> {
    if (!this.config.baseDns.some((base) => isBelow(dn, base))) throw new DirectoryError('outOfScope', 'read user: DN outside the configured base DNs');
    return this.connector.withService(async (client) => {
      const { searchEntries } = await client.search(dn, { scope: 'base', filter: userFilter, attributes: this.attributes });
      const entry = searchEntries[0];
      if (!entry) throw new DirectoryError('userNotFound', 'read user: no user account at that DN');
      return toAdUser(entry);
    }, 'read user');
  }

  searchUsers(query: string, offset: number, pageSize: number): Promise<UserSearchPage> {
    const filter = substringFilter(userFilter, [...this.config.loginAttributes, 'displayName'], query);
    return this.connector.withService(async (client) => {
      const { entries, more } = await pagedSearch(client, { baseDns: this.config.baseDns, filter, attributes: this.attributes, offset, pageSize });
      return { users: entries.map(toAdUser), ...(more ? { nextOffset: offset + pageSize } : {}) };
    }, 'search users');
  }

  groupsAmong(user: DirectoryUser, groupDns: readonly string[]): Promise<string[]> {
    return this.connector.withService(async (client: Client) => {
      const member: string[] = [];
      for (const group of groupDns) {
        // The DC walks the whole chain of nested groups for this one comparison.
        const filter = `(memberOf:${inChain}:=${escapeFilterValue(group)})`;
        const { searchEntries } = await client.search(user.dn, { scope: 'base', filter, attributes: ['1.1'] });
        if (searchEntries.length > 0) member.push(group);
      }
      return member;
    }, 'nested membership');
  }

  async setPasswordNeverExpires(user: DirectoryUser, neverExpires: boolean): Promise<void> {
    await this.connector.withService(async (client) => {
      const { searchEntries } = await client.search(user.dn, { scope: 'base', attributes: ['userAccountControl'] });
      const current = Number(first(searchEntries[0] ?? { dn: user.dn }, 'userAccountControl'));
      if (!Number.isInteger(current)) throw new DirectoryError('protocol', `userAccountControl of ${user.dn} unreadable`);
      const next = neverExpires ? current | dontExpirePassword : current & ~dontExpirePassword;
      if (next === current) return;
      await client.modify(user.dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'userAccountControl', values: [String(next)] }) }));
    }, `set password-never-expires on ${user.dn}`);
  }

  async setValidUntil(user: DirectoryUser, validUntil: Date | undefined): Promise<void> {
    const value = validUntil ? dateToFileTime(validUntil) : accountNeverExpires;
    await this.connector.withService(
      (client) => client.modify(user.dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'accountExpires', values: [value] }) })),
      `set valid-until on ${user.dn}`,
    );
  }
}
