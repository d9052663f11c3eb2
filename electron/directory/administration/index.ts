/** The administration implementation a directory configuration calls for, on the connection given. */
import type { DirectoryConfig } from '../config';
import type { LdapConnector } from '../ldap/connection';
import { ActiveDirectoryAdministration } from './active-directory';
import type { DirectoryAdministration } from './administration';
import { PasswordModifyAdministration } from './password-modify';

export type { AdministrationCapabilities, DirectoryAdministration, UserSearchPage } from './administration';

export function administrationFor(config: DirectoryConfig, connector: LdapConnector): DirectoryAdministration {
  return config.kind === 'activeDirectory' ? new ActiveDirectoryAdministration(config, connector) : new PasswordModifyAdministration(config, connector);
}
