/**
 * Routes password writes through Kerberos kpasswd (RFC 3244) instead of LDAP, for sites where LDAPS is
 * closed or Kerberos is preferred. Everything else (lookups, state, unlock, must-change) stays on the
 * LDAP adapter it wraps.
 */
import type { DirectoryAdapter, ResetOptions } from './adapter';
import type { DirectoryUser } from './user';

/** What the decorator needs of a kpasswd client (electron/kerberos KerberosPasswordTransport fits). */
export interface KerberosPasswordClient {
  changePassword(principal: string, currentPassword: string, newPassword: string): Promise<void>;
  setPassword(adminPrincipal: string, adminPassword: string, targetPrincipal: string, newPassword: string): Promise<void>;
}

export interface KerberosPasswordSettings {
  realm: string;
  /** The reset account's principal and password, used for set-password (kpasswd 0xFF80). */
  servicePrincipal: string;
  servicePassword: string;
}

/** The user's principal: `accountName@REALM` (sAMAccountName on AD, uid elsewhere). */
export const principalOf = (user: DirectoryUser, realm: string): string => `${user.accountName}@${realm}`;

export function withKerberosPasswords(
  ldap: DirectoryAdapter,
  kerberos: KerberosPasswordClient,
  settings: KerberosPasswordSettings,
): DirectoryAdapter {
  return {
    kind: ldap.kind,
    resolveUser: (name) => ldap.resolveUser(name),
    getAccountState: (user) => ldap.getAccountState(user),
    getEffectivePolicy: (user) => ldap.getEffectivePolicy(user),
    verifyPassword: (user, password) => ldap.verifyPassword(user, password),
    unlock: (user) => ldap.unlock(user),
    setMustChange: (user, mustChange) => ldap.setMustChange(user, mustChange),
    close: () => ldap.close(),
    async resetPassword(user: DirectoryUser, newPassword: string, options: ResetOptions = {}) {
      await kerberos.setPassword(settings.servicePrincipal, settings.servicePassword, principalOf(user, settings.realm), newPassword);
      // kpasswd only sets the password; the account flags still go through LDAP.
      if (options.unlock) await ldap.unlock(user);
      if (options.mustChange) await ldap.setMustChange(user, true);
    },
    changePassword: (user, currentPassword, newPassword) =>
      kerberos.changePassword(principalOf(user, settings.realm), currentPassword, newPassword),
  };
}
