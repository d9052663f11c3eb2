/** The help-desk suite on the real slapd: operators in the harness's help-desk groups, whose ACLs delegate. */
import { inject } from 'vitest';
import { connectorFromConfig } from '../../electron/directory/ldap/connector-from-config';
import { PasswordModifyAdapter } from '../../electron/directory/password-modify/adapter';
import { LdapEnrollmentStore } from '../../electron/enrollment/ldap-store';
import { addToGroup, canBind, createGroup, createUser } from '../support/slapd-users';
import { passwordModifyConfig } from '../support/slapd/password-modify-config';
import { describeHelpdesk } from './helpdesk-suite';

const slapd = inject('slapd');

describeHelpdesk('slapd (Password Modify)', () => {
  const directoryConfig = passwordModifyConfig(slapd, { neverExpiresPolicyDn: slapd.neverExpiresPolicyDn });
  const serviceConnector = connectorFromConfig(directoryConfig);
  const serviceAdapter = new PasswordModifyAdapter(directoryConfig, serviceConnector);
  const store = new LdapEnrollmentStore(serviceConnector, { attribute: 'sesameEnrollment', auxiliaryClass: 'sesameEnrollable' });
  let outerGroup: Promise<string> | undefined;
  const account = async (prefix: string, groups: string[] = []) => {
    const user = await createUser(slapd, { prefix, groups });
    return { name: user.uid, dn: user.dn, password: user.password };
  };
  return {
    directoryConfig,
    serviceConnector,
    serviceAdapter,
    store,
    adapterFor: (connector) => new PasswordModifyAdapter(directoryConfig, connector),
    createUser: (searchTag) => account(searchTag ?? 'caller'),
    createFullOperator: () => account('op', [slapd.helpdeskGroupDn]),
    createReadOnlyOperator: () => account('reader', [slapd.helpdeskReadersGroupDn]),
    // Rights are mapped to a group that holds the delegated group: nested membership must count.
    fullRightsGroupDn: () => (outerGroup ??= createGroup(slapd, [], 'helpdeskall').then(async (group) => {
      await addToGroup(slapd, group.dn, slapd.helpdeskGroupDn);
      return group.dn;
    })),
    readOnlyGroupDn: slapd.helpdeskReadersGroupDn,
    canBind: (dn, password) => canBind(slapd, dn, password),
    lockoutThreshold: 3,
    close: async () => {
      await serviceAdapter.close();
      await serviceConnector.close();
    },
  };
});
