import type { AccountState } from './account-state';
import type { EffectivePolicy } from './password-policy';
import type { DirectoryUser } from './user';

export interface ResetOptions {
  /** Force a change at next logon (AD pwdLastSet=0, ppolicy pwdReset). Default false for self-service. */
  mustChange?: boolean;
  /** Also clear a directory lockout in the same step. */
  unlock?: boolean;
}

/**
 * What Sesame needs from a directory. Implemented by the Active Directory adapter and by the
 * LDAP Password Modify (RFC 3062) adapter; chosen by configuration. Every method throws only
 * DirectoryError.
 */
export interface DirectoryAdapter {
  readonly kind: 'activeDirectory' | 'passwordModify';
  /** Exactly one user in scope for the typed name, or DirectoryError (userNotFound, ambiguousUser, outOfScope, protectedAccount). */
  resolveUser(typedName: string): Promise<DirectoryUser>;
  getAccountState(user: DirectoryUser): Promise<AccountState>;
  getEffectivePolicy(user: DirectoryUser): Promise<EffectivePolicy>;
  /** Reset with the service account: policy (and history, on AD with policy hints) enforced by the server. */
  resetPassword(user: DirectoryUser, newPassword: string, options?: ResetOptions): Promise<void>;
  /** Change as the user: proves the current password. Works for must-change and expired accounts. */
  changePassword(user: DirectoryUser, currentPassword: string, newPassword: string): Promise<void>;
  /** Check a password by binding as the user; never touches the service connection. */
  verifyPassword(user: DirectoryUser, password: string): Promise<void>;
  unlock(user: DirectoryUser): Promise<void>;
  setMustChange(user: DirectoryUser, mustChange: boolean): Promise<void>;
  close(): Promise<void>;
}
