/** The help-desk suite on the real Samba AD DC: operators in the harness's help-desk groups, delegated by dsacl. */
import { inject } from 'vitest';
import { directoryConfigSchema } from '../../electron/directory/config';
import { ActiveDirectoryAdapter } from '../../electron/directory/active-directory/adapter';
import { connectorFromConfig } from '../../electron/directory/ldap/connector-from-config';
import { LdapEnrollmentStore } from '../../electron/enrollment/ldap-store';
import { canBind, createGroup, createUser } from '../support/samba-users';
import { describeHelpdesk } from './helpdesk-suite';

const samba = inject('samba');

describeHelpdesk('Samba AD', () => {
  const directoryConfig = directoryConfigSchema.parse({
    kind: 'activeDirectory',
    servers: [samba.ldapsUrl],
    caPem: samba.caPem,
    tlsServerName: samba.tlsServerName,
    connectTimeoutMs: 3000,
    operationTimeoutMs: 10000,
    serviceBindDn: samba.serviceDn,
    servicePassword: samba.servicePassword,
    baseDns: [samba.usersDn],
    loginAttributes: ['sAMAccountName', 'userPrincipalName'],
    // Samba 4.17 offers no password policy hints control; a help-desk reset is an administrator's reset anyway.
    policyHints: false,
  });
  const serviceConnector = connectorFromConfig(directoryConfig);
  const serviceAdapter = new ActiveDirectoryAdapter(directoryConfig, serviceConnector);
  const store = new LdapEnrollmentStore(serviceConnector, { attribute: samba.enrollmentAttribute });
  let outerGroup: Promise<string> | undefined;
  const account = async (prefix: string, groups: string[] = [], displayName?: string) => {
    const user = await createUser(samba, { prefix, groups, ...(displayName ? { displayName } : {}) });
    return { name: user.sAMAccountName, dn: user.dn, password: user.password };
  };
  return {
    directoryConfig,
    serviceConnector,
    serviceAdapter,
    store,
    adapterFor: (connector) => new ActiveDirectoryAdapter(directoryConfig, connector),
    // sAMAccountName is short: the search tag goes into the display name.
    createUser: (searchTag) => account('call', [], searchTag ? `Caller ${searchTag} ${Math.random().toString(36).slice(2, 8)}` : undefined),
    createFullOperator: () => account('op', [samba.helpdeskGroupDn]),
    createReadOnlyOperator: () => account('read', [samba.helpdeskReadersGroupDn]),
    // Rights are mapped to a group that holds the delegated group: nested membership must count.
    fullRightsGroupDn: () => (outerGroup ??= createGroup(samba, [samba.helpdeskGroupDn], 'hdall').then((group) => group.dn)),
    readOnlyGroupDn: samba.helpdeskReadersGroupDn,
    canBind: (dn, password) => canBind(samba, dn, password),
    lockoutThreshold: 3,
    close: async () => {
      await serviceAdapter.close();
      await serviceConnector.close();
    },
  };
});
