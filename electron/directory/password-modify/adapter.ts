/**
 * DirectoryAdapter for OpenLDAP with the ppolicy overlay and other RFC 3062 servers. The service account
 * needs only `write` (not `manage`) on userPassword and the ppolicy state attributes: slapd then checks
 * its resets against quality and history like a user's own change. User operations bind as the user on
 * a connection of their own; the service connection never carries a user's identity.
 */
import { Attribute, Change, type Client, type Entry } from 'ldapts';
import type { AccountState } from '../account-state';
import type { DirectoryAdapter, ResetOptions } from '../adapter';
import type { DirectoryConfig } from '../config';
import { TtlCache } from '../ttl-cache';
import { DirectoryError, isDirectoryError } from '../errors';
import type { LdapConnector } from '../ldap/connection';
import { connectorFromConfig } from '../ldap/connector-from-config';
import { toDirectoryError } from '../ldap/map-error';
import type { EffectivePolicy } from '../password-policy';
import type { DirectoryUser } from '../user';
import { accountStateFromEntry, isPermanentlyLocked, stateAttributes } from './account-state';
import { noPolicy, policyAttributes, policyDnFor, policyFromEntry } from './effective-policy';
import { values } from './entry-values';
import { checkTypedName, findUserEntry, toDirectoryUser } from './find-user';
import { modifyPassword } from './password-modify-exop';
import { freshPolicyControl, PasswordPolicyError, policyAwareError, policyErrorOf } from './ppolicy-control';
import { checkScope } from './scope';

function requirePassword(password: string, what: string): void {
  // An empty password turns a simple bind into an unauthenticated one that "succeeds" (RFC 4513 5.1.2).
  if (password.length === 0) throw new DirectoryError('invalidInput', `${what} is empty`);
}

function isNoSuchAttribute(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 16;
}

export class PasswordModifyAdapter implements DirectoryAdapter {
  readonly kind = 'passwordModify' as const;
  private readonly connector: LdapConnector;
  /** Policy entries change rarely; a minute's reuse saves a round trip on every state read. */
  private readonly policies = new TtlCache<string, EffectivePolicy>(60_000);
  /**
   * The state entry a flow has just read serves the disabled check of its next action once, within a
   * second: an account disabled inside that second could still be reset, a window accepted for one
   * round trip less on every reset and unlock.
   */
  private readonly recentStateEntries = new TtlCache<string, Entry>(1_000);

  constructor(
    private readonly config: DirectoryConfig,
    connector?: LdapConnector,
  ) {
    this.connector = connector ?? connectorFromConfig(config);
  }

  async resolveUser(typedName: string): Promise<DirectoryUser> {
    const name = checkTypedName(typedName);
    return this.connector.withService(async (client) => {
      const entry = await findUserEntry(client, this.config.baseDns, this.config.loginAttributes, name);
      const user = toDirectoryUser(entry, this.config.loginAttributes);
      await checkScope(client, user, this.config);
      return user;
    }, 'resolve user');
  }

  private readEntry(dn: string, attributes: string[], context: string): Promise<Entry> {
    return this.connector.withService(async (client) => {
      const { searchEntries } = await client.search(dn, { scope: 'base', attributes });
      const entry = searchEntries[0];
      if (!entry) throw new DirectoryError('userNotFound', `${context}: ${dn} no longer exists`);
      return entry;
    }, context);
  }

  private async policyFor(entry: Entry): Promise<EffectivePolicy> {
    const policyDn = policyDnFor(entry, this.config.defaultPolicyDn);
    if (!policyDn) return noPolicy();
    const cached = this.policies.get(policyDn);
    if (cached) return cached;
    try {
      const policy = policyFromEntry(await this.readEntry(policyDn, policyAttributes, 'read password policy'));
      this.policies.set(policyDn, policy);
      return policy;
    } catch (err) {
      if (isDirectoryError(err, 'userNotFound')) throw new DirectoryError('configuration', `password policy entry ${policyDn} not found`, {}, { cause: err });
      throw err;
    }
  }

  async getEffectivePolicy(user: DirectoryUser): Promise<EffectivePolicy> {
    return this.policyFor(await this.readEntry(user.dn, ['pwdPolicySubentry'], 'read policy reference'));
  }

  /** Whether the entry matches the administrator's disabled-account filter, when one is configured. */
  private async matchesDisabledFilter(dn: string, context: string): Promise<boolean> {
    const filter = this.config.disabledAccountFilter;
    if (!filter) return false;
    return this.connector.withService(async (client) => {
      const { searchEntries } = await client.search(dn, { scope: 'base', filter, attributes: ['1.1'] });
      return searchEntries.length > 0;
    }, context);
  }

  async getAccountState(user: DirectoryUser): Promise<AccountState> {
    const entry = await this.readEntry(user.dn, stateAttributes, 'read account state');
    this.recentStateEntries.set(user.dn, entry);
    const state = accountStateFromEntry(entry, await this.policyFor(entry));
    if (state.disabled || !(await this.matchesDisabledFilter(user.dn, 'read account state'))) return state;
    return { ...state, disabled: true, usable: false };
  }

  /** Refuses to act on an administratively disabled account: self-service must not re-enable it. */
  private async entryIfEnabled(user: DirectoryUser, context: string): Promise<Entry> {
    const entry = this.recentStateEntries.take(user.dn) ?? (await this.readEntry(user.dn, stateAttributes, context));
    if (isPermanentlyLocked(entry)) throw new DirectoryError('accountDisabled', `${context}: ${user.dn} is disabled (permanent lock)`);
    if (await this.matchesDisabledFilter(user.dn, context)) throw new DirectoryError('accountDisabled', `${context}: ${user.dn} matches the disabled-account filter`);
    return entry;
  }

  async resetPassword(user: DirectoryUser, newPassword: string, options: ResetOptions = {}): Promise<void> {
    requirePassword(newPassword, 'new password');
    const entry = await this.entryIfEnabled(user, 'reset password');
    const control = freshPolicyControl();
    // A reset is not idempotent: had a timed-out request been applied, a retry would be refused as
    // "history" although the password was set. So the failure is returned, never thrown for a retry.
    const failure = await this.connector.withService(async (client) => {
      try {
        await modifyPassword(client, { userIdentity: user.dn, newPassword }, [control]);
        return undefined;
      } catch (err) {
        return policyAwareError(err, control, `reset password of ${user.dn}`);
      }
    }, `reset password of ${user.dn}`);
    if (failure) throw failure;
    // slapd clears pwdAccountLockedTime and pwdFailureTime itself when the password is replaced; other
    // servers may not, so what the entry showed before the reset is cleared (absent counts as done).
    if (options.unlock) await this.unlockEntry(user, entry);
    if (options.mustChange) await this.setMustChange(user, true);
  }

  async changePassword(user: DirectoryUser, currentPassword: string, newPassword: string): Promise<void> {
    requirePassword(currentPassword, 'current password');
    requirePassword(newPassword, 'new password');
    const context = `change password of ${user.dn}`;
    const bindControl = freshPolicyControl();
    let client: Client;
    try {
      client = await this.connector.bindAs({ dn: user.dn, password: currentPassword }, [bindControl]);
    } catch (err) {
      // slapd reports an expired password only after checking it, so the current password is proven:
      // the service account sets the new one, checked against the same quality and history rules.
      if (policyErrorOf(bindControl) === PasswordPolicyError.PasswordExpired) return this.resetPassword(user, newPassword);
      throw policyAwareError(err, bindControl, context);
    }
    const control = freshPolicyControl();
    try {
      await modifyPassword(client, { userIdentity: user.dn, oldPassword: currentPassword, newPassword }, [control]);
    } catch (err) {
      throw policyAwareError(err, control, context);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  async verifyPassword(user: DirectoryUser, password: string): Promise<void> {
    requirePassword(password, 'password');
    const control = freshPolicyControl();
    try {
      await this.connector.verifyBind({ dn: user.dn, password }, [control]);
    } catch (err) {
      throw policyAwareError(err, control, `verify password of ${user.dn}`);
    }
    // After a reset with pwdMustChange the bind succeeds, but nothing except a password change is allowed.
    if (policyErrorOf(control) === PasswordPolicyError.ChangeAfterReset) {
      throw new DirectoryError('passwordMustChange', `verify password of ${user.dn}: password must be changed after reset`);
    }
  }

  async unlock(user: DirectoryUser): Promise<void> {
    await this.unlockEntry(user, await this.entryIfEnabled(user, 'unlock'));
  }

  private async unlockEntry(user: DirectoryUser, entry: Entry): Promise<void> {
    // Deleting pwdAccountLockedTime makes slapd drop pwdFailureTime too; failures without a lock are cleared directly.
    const attribute = values(entry, 'pwdAccountLockedTime').length > 0 ? 'pwdAccountLockedTime' : values(entry, 'pwdFailureTime').length > 0 ? 'pwdFailureTime' : undefined;
    if (!attribute) return;
    await this.deleteAttribute(user, attribute, 'unlock');
  }

  async setMustChange(user: DirectoryUser, mustChange: boolean): Promise<void> {
    if (!mustChange) return this.deleteAttribute(user, 'pwdReset', 'clear must-change');
    await this.connector.withService(
      (client) => client.modify(user.dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'pwdReset', values: ['TRUE'] }) })),
      `set must-change on ${user.dn}`,
    );
  }

  /** Deletes every value; already absent (16, a concurrent unlock) is success. */
  private async deleteAttribute(user: DirectoryUser, attribute: string, context: string): Promise<void> {
    await this.connector.withService(async (client) => {
      try {
        await client.modify(user.dn, new Change({ operation: 'delete', modification: new Attribute({ type: attribute, values: [] }) }));
      } catch (err) {
        if (!isNoSuchAttribute(err)) throw toDirectoryError(err, `${context} on ${user.dn}`);
      }
    }, `${context} on ${user.dn}`);
  }

  async close(): Promise<void> {
    await this.connector.close();
  }
}
