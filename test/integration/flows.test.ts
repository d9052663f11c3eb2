/** Gates, enrollment and flows against the real slapd with the Password Modify adapter. */
import { inject } from 'vitest';
import { connectorFromConfig } from '../../electron/directory/ldap/connector-from-config';
import { PasswordModifyAdapter } from '../../electron/directory/password-modify/adapter';
import { LdapEnrollmentStore } from '../../electron/enrollment/ldap-store';
import type { LdapConnector } from '../../electron/directory/ldap/connection';
import { canBind, createUser } from '../support/slapd-users';
import { passwordModifyConfig } from '../support/slapd/password-modify-config';
import { describeEnumeration } from './flows-enumeration-suite';
import { describeFlows, type DirectoryFixture } from './flows-suite';

const slapd = inject('slapd');

function fixture(): DirectoryFixture {
  const config = passwordModifyConfig(slapd);
  const connectors: LdapConnector[] = [];
  const adapter = new PasswordModifyAdapter(config);
  return {
    adapter,
    newStore: () => {
      const connector = connectorFromConfig(config);
      connectors.push(connector);
      return new LdapEnrollmentStore(connector, { attribute: 'sesameEnrollment', auxiliaryClass: 'sesameEnrollable' });
    },
    createUser: async () => {
      const user = await createUser(slapd, { prefix: 'gates' });
      return { name: user.uid, dn: user.dn, password: user.password };
    },
    canBind: (dn, password) => canBind(slapd, dn, password),
    lockoutThreshold: 3,
    oldPasswordRefusedAtOnce: true,
    close: async () => {
      await Promise.all(connectors.map((c) => c.close()));
      await adapter.close();
    },
  };
}

describeFlows('slapd (Password Modify)', fixture);
describeEnumeration('slapd (Password Modify)', fixture);
