/**
 * Chooses the directory adapter a configuration names, and routes password writes through Kerberos
 * when the deployment's password transport is `kerberos`.
 */
import { KerberosPasswordTransport, type KerberosConfig } from '../kerberos';
import { ActiveDirectoryAdapter } from './active-directory/adapter';
import type { DirectoryAdapter } from './adapter';
import type { DirectoryConfig } from './config';
import { DirectoryError } from './errors';
import { withKerberosPasswords } from './kerberos-passwords';
import type { LdapConnector } from './ldap/connection';
import { PasswordModifyAdapter } from './password-modify/adapter';

export interface DirectorySelection {
  directory: DirectoryConfig;
  passwordTransport: 'ldap' | 'kerberos';
  kerberos?: KerberosConfig | undefined;
}

export function createDirectory(selection: DirectorySelection, connector?: LdapConnector): DirectoryAdapter {
  const { directory } = selection;
  const ldap =
    directory.kind === 'activeDirectory' ? new ActiveDirectoryAdapter(directory, connector) : new PasswordModifyAdapter(directory, connector);
  if (selection.passwordTransport === 'ldap') return ldap;

  const kerberos = selection.kerberos;
  if (!kerberos?.servicePrincipal) {
    throw new DirectoryError('configuration', 'password transport "kerberos" needs kerberos.realm and kerberos.servicePrincipal');
  }
  const principal = kerberos.servicePrincipal.includes('@') ? kerberos.servicePrincipal : `${kerberos.servicePrincipal}@${kerberos.realm}`;
  return withKerberosPasswords(ldap, new KerberosPasswordTransport(kerberos), {
    realm: kerberos.realm,
    servicePrincipal: principal,
    servicePassword: directory.servicePassword,
  });
}
