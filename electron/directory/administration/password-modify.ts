/**
 * Administration on OpenLDAP-style servers. Valid-until is ppolicy's pwdEndTime (slapd 2.5 refuses binds
 * after it; measured). ppolicy has no per-account "password never expires" switch: when configured, a
 * policy entry without pwdMaxAge is assigned as the account's pwdPolicySubentry; otherwise unsupported.
 */
import { Attribute, Change, type Client } from 'ldapts';
import type { DirectoryConfig } from '../config';
import { DirectoryError } from '../errors';
import type { LdapConnector } from '../ldap/connection';
import { first } from '../password-modify/entry-values';
import { checkTypedName, findUserEntry, toDirectoryUser, userAttributes } from '../password-modify/find-user';
import { toGeneralizedTime } from '../password-modify/generalized-time';
import { allGroupsOf, isBelow, normalizeDn } from '../password-modify/scope';
import type { DirectoryUser } from '../user';
import type { AdministrationCapabilities, DirectoryAdministration, UserSearchPage } from './administration';
import { pagedSearch, substringFilter } from './search';

export class PasswordModifyAdministration implements DirectoryAdministration {
  readonly capabilities: AdministrationCapabilities;

  constructor(
    private readonly config: DirectoryConfig,
    private readonly connector: LdapConnector,
  ) {
    this.capabilities = { passwordNeverExpires: config.neverExpiresPolicyDn !== undefined, validUntil: true };
  }

  private get attributes(): string[] {
    return [...new Set([...userAttributes, ...this.config.loginAttributes])];
  }

  resolveAccount(typedName: string): Promise<DirectoryUser> {
    const name = checkTypedName(typedName);
    return this.connector.withService(async (client) => {
      const entry = await findUserEntry(client, this.config.baseDns, this.config.loginAttributes, name);
      return toDirectoryUser(entry, this.config.loginAttributes);
    }, 'resolve account');
  }

  async readUser(dn: string): Promise<DirectoryUser> {
    if (!this.config.baseDns.some((base) => isBelow(dn, base))) throw new DirectoryError('outOfScope', 'read user: DN outside the configured base DNs');
    return this.connector.withService(async (client) => {
      const { searchEntries } = await client.search(dn, { scope: 'base', attributes: this.attributes });
      const entry = searchEntries[0];
      if (!entry) throw new DirectoryError('userNotFound', 'read user: no entry at that DN');
      return toDirectoryUser(entry, this.config.loginAttributes);
    }, 'read user');
  }

  searchUsers(query: string, offset: number, pageSize: number): Promise<UserSearchPage> {
    const filter = substringFilter('(objectClass=person)', [...this.config.loginAttributes, 'displayName', 'cn'], query);
    return this.connector.withService(async (client) => {
      const { entries, more } = await pagedSearch(client, { baseDns: this.config.baseDns, filter, attributes: this.attributes, offset, pageSize });
      const users = entries.map((entry) => toDirectoryUser(entry, this.config.loginAttributes));
      return { users, ...(more ? { nextOffset: offset + pageSize } : {}) };
    }, 'search users');
  }

  groupsAmong(user: DirectoryUser, groupDns: readonly string[]): Promise<string[]> {
    return this.connector.withService(async (client: Client) => {
      const groups = await allGroupsOf(client, user);
      return groupDns.filter((group) => groups.has(normalizeDn(group)));
    }, 'nested membership');
  }

  async setPasswordNeverExpires(user: DirectoryUser, neverExpires: boolean): Promise<void> {
    const policyDn = this.config.neverExpiresPolicyDn;
    if (!policyDn) throw new DirectoryError('unwillingToPerform', 'no never-expires policy configured: ppolicy has no per-account switch');
    await this.connector.withService(async (client) => {
      const { searchEntries } = await client.search(user.dn, { scope: 'base', attributes: ['pwdPolicySubentry'] });
      const current = searchEntries[0] ? first(searchEntries[0], 'pwdPolicySubentry') : undefined;
      const assigned = current !== undefined && normalizeDn(current) === normalizeDn(policyDn);
      if (neverExpires === assigned) return;
      // Clearing removes only our own assignment: the account goes back to the default policy.
      const change = neverExpires
        ? new Change({ operation: 'replace', modification: new Attribute({ type: 'pwdPolicySubentry', values: [policyDn] }) })
        : new Change({ operation: 'delete', modification: new Attribute({ type: 'pwdPolicySubentry', values: [] }) });
      await client.modify(user.dn, change);
    }, `set password-never-expires on ${user.dn}`);
  }

  async setValidUntil(user: DirectoryUser, validUntil: Date | undefined): Promise<void> {
    const change = validUntil
      ? new Change({ operation: 'replace', modification: new Attribute({ type: 'pwdEndTime', values: [toGeneralizedTime(validUntil)] }) })
      : new Change({ operation: 'delete', modification: new Attribute({ type: 'pwdEndTime', values: [] }) });
    await this.connector.withService(async (client) => {
      try {
        await client.modify(user.dn, change);
      } catch (err) {
        // Clearing an end that is not set is already the wanted state.
        if (!validUntil && typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 16) return;
        throw err;
      }
    }, `set valid-until on ${user.dn}`);
  }
}
