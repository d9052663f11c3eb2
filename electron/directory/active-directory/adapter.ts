/**
 * DirectoryAdapter for Active Directory (and Samba AD) over LDAPS or StartTLS. The service account needs
 * the delegated Reset Password right plus read/write on lockoutTime and pwdLastSet on user objects, and
 * read on the Password Settings Container when PSOs are used. Changes with the old password also run
 * on the service connection: AD lets any authenticated account change a password it can prove (Change
 * Password is granted to Everyone), and a user who must change cannot bind to do it themselves.
 */
import type { Change, Client, Control, Entry } from 'ldapts';
import type { AccountState } from '../account-state';
import type { DirectoryAdapter, ResetOptions } from '../adapter';
import type { DirectoryConfig } from '../config';
import { DirectoryError } from '../errors';
import type { LdapConnector } from '../ldap/connection';
import { connectorFromConfig } from '../ldap/connector-from-config';
import { toDirectoryError } from '../ldap/map-error';
import type { EffectivePolicy } from '../password-policy';
import { first } from '../password-modify/entry-values';
import type { DirectoryUser } from '../user';
import { accountExpiry, accountStateFromEntry, isDisabled, stateAttributes } from './account-state';
import { readDomainFacts, type DomainFacts } from './domain-facts';
import { domainPolicyAttributes, policyFromDomain, policyFromPso, psoAttributes } from './effective-policy';
import { checkTypedName, findUserEntry, toDirectoryUser } from './find-user';
import { choosePolicyHintsOid, PolicyHintsControl } from './policy-hints';
import { findProtectedGroupDns, protectionReason, type ProtectionFacts } from './protected-accounts';
import { checkGroupScope } from './scope';
import { changeChanges, replaceValue, resetChange } from './unicode-pwd';

function requirePassword(password: string, what: string): void {
  // An empty password turns a simple bind into an unauthenticated one that "succeeds" (RFC 4513 5.1.2).
  if (password.length === 0) throw new DirectoryError('invalidInput', `${what} is empty`);
}

/** Refuses disabled and expired accounts: self-service must neither re-enable nor extend them. */
function requireServable(entry: Entry, context: string, now = new Date()): void {
  if (isDisabled(entry)) throw new DirectoryError('accountDisabled', `${context}: ${entry.dn} is disabled`);
  const expiry = accountExpiry(entry);
  if (expiry && expiry <= now) throw new DirectoryError('accountExpired', `${context}: ${entry.dn} expired at ${expiry.toISOString()}`);
}

export class ActiveDirectoryAdapter implements DirectoryAdapter {
  readonly kind = 'activeDirectory' as const;
  private readonly connector: LdapConnector;
  private facts: Promise<DomainFacts & ProtectionFacts> | undefined;

  constructor(
    private readonly config: DirectoryConfig,
    connector?: LdapConnector,
  ) {
    this.connector = connector ?? connectorFromConfig(config);
  }

  private service<T>(operation: (client: Client) => Promise<T>, context: string): Promise<T> {
    return this.connector.withService(operation, context);
  }

  /** Learned once; a failure is not cached so the next call tries again. */
  private domainFacts(): Promise<DomainFacts & ProtectionFacts> {
    this.facts ??= this.service(async (client) => {
      const facts = await readDomainFacts(client);
      return { ...facts, protectedGroupDns: await findProtectedGroupDns(client, facts.namingContext, facts.domainSid) };
    }, 'read domain facts').catch((err: unknown) => {
      this.facts = undefined;
      throw err;
    });
    return this.facts;
  }

  async resolveUser(typedName: string): Promise<DirectoryUser> {
    const name = checkTypedName(typedName);
    const facts = this.config.refuseProtectedAccounts ? await this.domainFacts() : undefined;
    return this.service(async (client) => {
      const entry = await findUserEntry(client, this.config.baseDns, this.config.loginAttributes, name);
      requireServable(entry, 'resolve user');
      await checkGroupScope(client, entry.dn, this.config);
      if (facts) {
        const reason = await protectionReason(client, entry, facts);
        if (reason) throw new DirectoryError('protectedAccount', `${entry.dn} is a protected account: ${reason}`);
      }
      return toDirectoryUser(entry);
    }, 'resolve user');
  }

  private readEntry(dn: string, attributes: string[], context: string): Promise<Entry> {
    return this.service(async (client) => {
      const { searchEntries } = await client.search(dn, { scope: 'base', attributes });
      const entry = searchEntries[0];
      if (!entry) throw new DirectoryError('userNotFound', `${context}: ${dn} no longer exists`);
      return entry;
    }, context);
  }

  private async policyFor(resultantPso: string | undefined): Promise<EffectivePolicy> {
    if (resultantPso) {
      const policy = policyFromPso(await this.readEntry(resultantPso, psoAttributes, 'read fine-grained password policy'));
      // Falling back to the domain policy would show a weaker policy than the DC enforces.
      if (!policy) throw new DirectoryError('configuration', `the service account cannot read the password settings object ${resultantPso}`);
      return policy;
    }
    const { namingContext } = await this.domainFacts();
    return policyFromDomain(await this.readEntry(namingContext, domainPolicyAttributes, 'read domain password policy'));
  }

  async getEffectivePolicy(user: DirectoryUser): Promise<EffectivePolicy> {
    const entry = await this.readEntry(user.dn, ['msDS-ResultantPSO'], 'read resultant PSO');
    return this.policyFor(first(entry, 'msDS-ResultantPSO'));
  }

  async getAccountState(user: DirectoryUser): Promise<AccountState> {
    const entry = await this.readEntry(user.dn, stateAttributes, 'read account state');
    return accountStateFromEntry(entry, await this.policyFor(first(entry, 'msDS-ResultantPSO')));
  }

  private async servableEntry(user: DirectoryUser, context: string): Promise<Entry> {
    const entry = await this.readEntry(user.dn, ['userAccountControl', 'accountExpires'], context);
    requireServable(entry, context);
    return entry;
  }

  /**
   * Password writes are not idempotent: had a lost answer's request been applied, a retry would fail as
   * "history" (or as a wrong old password). So the modify is sent once and any failure, connection
   * failures included, is the answer; withService retries only operations that throw.
   */
  private async modifyOnce(dn: string, changes: Change[], controls: Control[], context: string): Promise<void> {
    const failure = await this.service(
      (client) =>
        client.modify(dn, changes, controls).then(
          () => undefined,
          (err: unknown) => err,
        ),
      context,
    );
    if (failure !== undefined) throw toDirectoryError(failure, context);
  }

  /** The policy hints control when configured; a DC that supports none is a configuration error, not a silent downgrade. */
  private async resetControls(): Promise<PolicyHintsControl[]> {
    if (!this.config.policyHints) return [];
    const oid = choosePolicyHintsOid((await this.domainFacts()).supportedControls);
    if (!oid) {
      throw new DirectoryError('configuration', 'the domain controller supports no password policy hints control: a reset would skip password history; set policyHints to false to accept that');
    }
    return [new PolicyHintsControl(oid)];
  }

  async resetPassword(user: DirectoryUser, newPassword: string, options: ResetOptions = {}): Promise<void> {
    requirePassword(newPassword, 'new password');
    const context = `reset password of ${user.dn}`;
    await this.servableEntry(user, context);
    const controls = await this.resetControls();
    await this.modifyOnce(user.dn, [resetChange(newPassword)], controls, context);
    if (options.unlock) await this.unlock(user);
    if (options.mustChange) await this.setMustChange(user, true);
  }

  async changePassword(user: DirectoryUser, currentPassword: string, newPassword: string): Promise<void> {
    requirePassword(currentPassword, 'current password');
    requirePassword(newPassword, 'new password');
    const context = `change password of ${user.dn}`;
    await this.servableEntry(user, context);
    await this.modifyOnce(user.dn, changeChanges(currentPassword, newPassword), [], context);
  }

  async verifyPassword(user: DirectoryUser, password: string): Promise<void> {
    requirePassword(password, 'password');
    await this.connector.verifyBind({ dn: user.dn, password });
  }

  async unlock(user: DirectoryUser): Promise<void> {
    await this.servableEntry(user, 'unlock');
    await this.service((client) => client.modify(user.dn, replaceValue('lockoutTime', '0')), `unlock ${user.dn}`);
  }

  async setMustChange(user: DirectoryUser, mustChange: boolean): Promise<void> {
    // pwdLastSet accepts only 0 (must change at next logon) and -1 (the DC stamps "now").
    await this.service((client) => client.modify(user.dn, replaceValue('pwdLastSet', mustChange ? '0' : '-1')), `set must-change on ${user.dn}`);
  }

  async close(): Promise<void> {
    await this.connector.close();
  }
}
