/** Gates, enrollment and flows against the real Samba AD DC with the Active Directory adapter. */
import { inject } from 'vitest';
import { ActiveDirectoryAdapter } from '../../electron/directory/active-directory/adapter';
import { directoryConfigSchema } from '../../electron/directory/config';
import type { LdapConnector } from '../../electron/directory/ldap/connection';
import { connectorFromConfig } from '../../electron/directory/ldap/connector-from-config';
import { LdapEnrollmentStore } from '../../electron/enrollment/ldap-store';
import { canBind, createUser } from '../support/samba-users';
import { describeEnumeration } from './flows-enumeration-suite';
import { describeFlows, type DirectoryFixture } from './flows-suite';

const samba = inject('samba');

function fixture(): DirectoryFixture {
  const config = directoryConfigSchema.parse({
    kind: 'activeDirectory',
    servers: [samba.ldapsUrl],
    caPem: samba.caPem,
    tlsServerName: samba.tlsServerName,
    serviceBindDn: samba.serviceDn,
    servicePassword: samba.servicePassword,
    baseDns: [samba.usersDn],
    loginAttributes: ['sAMAccountName', 'userPrincipalName'],
    // Samba 4.17 does not support the policy hints control.
    policyHints: false,
  });
  const connectors: LdapConnector[] = [];
  const adapter = new ActiveDirectoryAdapter(config);
  return {
    adapter,
    newStore: () => {
      const connector = connectorFromConfig(config);
      connectors.push(connector);
      return new LdapEnrollmentStore(connector, { attribute: samba.enrollmentAttribute });
    },
    createUser: async () => {
      const user = await createUser(samba, { prefix: 'gates' });
      return { name: user.sAMAccountName, dn: user.dn, password: user.password };
    },
    canBind: (dn, password) => canBind(samba, dn, password),
    lockoutThreshold: 3,
    oldPasswordRefusedAtOnce: false,
    close: async () => {
      await Promise.all(connectors.map((c) => c.close()));
      await adapter.close();
    },
  };
}

describeFlows('Samba AD', fixture);
describeEnumeration('Samba AD', fixture);
