import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../../../electron/audit/file-audit-log';
import { directoryConfigSchema } from '../../../electron/directory/config';
import { DirectoryError } from '../../../electron/directory/errors';
import type { LdapConnector } from '../../../electron/directory/ldap/connection';
import { MemoryEnrollmentStore } from '../../../electron/enrollment/memory-store';
import { helpdeskConfigSchema } from '../../../electron/helpdesk/config';
import { createHelpdeskService } from '../../../electron/helpdesk/service';
import { FakeDirectory } from '../flows/fake-directory';
import { testConfig } from '../flows/harness';

const floorMs = 150;

/** A service connection that knows one operator, 'op', and answers every other name with no entry. */
const serviceConnector = {
  withService: async (operation: (client: unknown) => Promise<unknown>) =>
    operation({
      search: async (_base: string, options: { filter: string }) => ({
        searchEntries: options.filter.includes('=op)') ? [{ dn: 'uid=op,ou=people,dc=t', uid: 'op' }] : [],
      }),
    }),
  close: async () => undefined,
} as unknown as LdapConnector;

/** The operator's own connection: the directory refuses the password at once. */
const refusingConnector = {
  withService: async () => {
    throw new DirectoryError('invalidCredentials', 'operator sign-in: LDAP result 49');
  },
  close: async () => undefined,
} as unknown as LdapConnector;

function service() {
  const directory = new FakeDirectory();
  return createHelpdeskService({
    config: helpdeskConfigSchema.parse({ rights: [{ groupDn: 'cn=desk,dc=t', rights: ['readState'] }] }),
    directoryConfig: directoryConfigSchema.parse({ kind: 'passwordModify', serviceBindDn: 'cn=svc,dc=t', servicePassword: 'x', baseDns: ['dc=t'], loginAttributes: ['uid'] }),
    directory,
    serviceConnector,
    store: new MemoryEnrollmentStore(),
    audit: new MemoryAuditLog(),
    flows: testConfig({ minResponseMs: floorMs }),
    adapterFor: () => directory,
    connectorFor: () => refusingConnector,
  });
}

async function timedSignIn(username: string) {
  const started = performance.now();
  const view = await service()['helpdesk.signIn']({ username, password: 'wrong-password' }, { kioskId: 'desk', clientId: 'browser' });
  return { view, ms: performance.now() - started };
}

describe('help-desk sign-in', () => {
  it('answers an unknown name and a wrong password alike, and no sooner than the response floor', async () => {
    const unknown = await timedSignIn('nobody');
    const known = await timedSignIn('op');
    expect(unknown.view).toEqual({ view: 'refused', reason: 'signInFailed' });
    expect(known.view).toEqual(unknown.view);
    // Without the floor the unknown name answers after one search, the known one after a bind too.
    expect(unknown.ms).toBeGreaterThanOrEqual(floorMs - 5);
    expect(known.ms).toBeGreaterThanOrEqual(floorMs - 5);
  });
});
