/**
 * An in-memory DirectoryAdapter for the engine's unit tests: it keeps passwords and lock state and records
 * every call, so tests can assert what the engine asked of the directory. Integration tests use the real
 * adapters against slapd and Samba.
 */
import type { AccountState } from '../../../electron/directory/account-state';
import type { DirectoryAdapter, ResetOptions } from '../../../electron/directory/adapter';
import { DirectoryError } from '../../../electron/directory/errors';
import type { EffectivePolicy } from '../../../electron/directory/password-policy';
import type { DirectoryUser } from '../../../electron/directory/user';

export interface FakeAccount {
  user: DirectoryUser;
  password: string;
  locked?: boolean;
  disabled?: boolean;
  mustChange?: boolean;
}

export const fakePolicy: EffectivePolicy = {
  source: 'test',
  minLength: 8,
  complexity: true,
  historyLength: 0,
  minAgeSeconds: 0,
  mustChangeAfterReset: false,
  rejectCommonPasswords: false,
};

export class FakeDirectory implements DirectoryAdapter {
  readonly kind = 'passwordModify' as const;
  readonly calls: string[] = [];
  readonly accounts = new Map<string, FakeAccount>();
  unavailable = false;

  add(accountName: string, password: string, extra: Partial<FakeAccount> = {}): FakeAccount {
    const account = { user: { dn: `uid=${accountName},ou=people,dc=example,dc=test`, accountName, displayName: `${accountName} Example`, memberOf: [] }, password, ...extra };
    this.accounts.set(accountName, account);
    return account;
  }

  private account(user: DirectoryUser): FakeAccount {
    const account = this.accounts.get(user.accountName);
    if (!account) throw new DirectoryError('userNotFound', 'no such user');
    return account;
  }

  private note(call: string): void {
    if (this.unavailable) throw new DirectoryError('serverUnavailable', 'fake directory down');
    this.calls.push(call);
  }

  async resolveUser(typedName: string): Promise<DirectoryUser> {
    this.note('resolveUser');
    const account = this.accounts.get(typedName.trim().toLowerCase());
    if (!account) throw new DirectoryError('userNotFound', 'no entry matched');
    return account.user;
  }

  async getAccountState(user: DirectoryUser): Promise<AccountState> {
    this.note('getAccountState');
    const a = this.account(user);
    const locked = a.locked ?? false;
    const disabled = a.disabled ?? false;
    const mustChange = a.mustChange ?? false;
    return { usable: !locked && !disabled && !mustChange, disabled, locked, accountExpired: false, passwordExpired: false, mustChange, passwordNeverExpires: false };
  }

  async getEffectivePolicy(): Promise<EffectivePolicy> {
    this.note('getEffectivePolicy');
    return fakePolicy;
  }

  private checkPolicy(password: string): void {
    if (password.length < fakePolicy.minLength) throw new DirectoryError('passwordPolicy', 'too short', { failedRules: ['minLength'] });
  }

  async resetPassword(user: DirectoryUser, newPassword: string, options?: ResetOptions): Promise<void> {
    this.note(`resetPassword${options?.unlock ? '+unlock' : ''}`);
    const a = this.account(user);
    this.checkPolicy(newPassword);
    a.password = newPassword;
    if (options?.unlock) a.locked = false;
  }

  async changePassword(user: DirectoryUser, currentPassword: string, newPassword: string): Promise<void> {
    this.note('changePassword');
    const a = this.account(user);
    if (a.password !== currentPassword) throw new DirectoryError('invalidCredentials', 'wrong current password');
    this.checkPolicy(newPassword);
    a.password = newPassword;
    a.mustChange = false;
  }

  async verifyPassword(user: DirectoryUser, password: string): Promise<void> {
    this.note('verifyPassword');
    const a = this.account(user);
    if (a.password !== password) throw new DirectoryError('invalidCredentials', 'bad bind');
    if (a.mustChange) throw new DirectoryError('passwordMustChange', 'must change');
  }

  async unlock(user: DirectoryUser): Promise<void> {
    this.note('unlock');
    this.account(user).locked = false;
  }

  async setMustChange(user: DirectoryUser, mustChange: boolean): Promise<void> {
    this.note('setMustChange');
    this.account(user).mustChange = mustChange;
  }

  async close(): Promise<void> {}
}
