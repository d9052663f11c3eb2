/**
 * The Password Modify adapter against a real slapd: finding users, scope, TLS trust and failover.
 * Password and account-state behaviour is in password-modify-passwords.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isDirectoryError, type DirectoryErrorCode } from '../../electron/directory/errors';
import { PasswordModifyAdapter } from '../../electron/directory/password-modify/adapter';
import { addToGroup, createGroup, createUser } from '../support/slapd-users';
import { makeCertificateAuthority } from '../support/slapd/certificates';
import { passwordModifyConfig } from '../support/slapd/password-modify-config';

const slapd = inject('slapd');

async function expectDirectoryError(promise: Promise<unknown>, code: DirectoryErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(isDirectoryError(error) ? error.code : error).toBe(code);
}

function unusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('resolveUser', () => {
  const adapter = new PasswordModifyAdapter(passwordModifyConfig(slapd));
  afterAll(() => adapter.close());

  it('finds a user by uid and by mail, with display name, mail and groups', async () => {
    const group = await createGroup(slapd);
    const user = await createUser(slapd, { groups: [group.dn] });
    for (const typed of [user.uid, user.mail, ` ${user.uid} `]) {
      const found = await adapter.resolveUser(typed);
      expect(found).toEqual({ dn: user.dn, accountName: user.uid, displayName: user.displayName, mail: user.mail, memberOf: [group.dn] });
    }
  });

  it('finds nobody for filter and DN injection attempts', async () => {
    await createUser(slapd, { prefix: 'admin' });
    for (const typed of ['*', '*)(uid=*', 'admin)(|(uid=*', '\\00', 'a\0b', 'admin*', '*)(objectClass=*))(&(uid=x', ',+"\\<>;=', `uid=x,${slapd.peopleDn}`]) {
      await expectDirectoryError(adapter.resolveUser(typed), 'userNotFound');
    }
  });

  it('refuses an empty name before asking the server', async () => {
    await expectDirectoryError(adapter.resolveUser('   '), 'invalidInput');
  });

  it('reports two entries answering to one name as ambiguous', async () => {
    const first = await createUser(slapd);
    await createUser(slapd, { mail: first.mail });
    await expectDirectoryError(adapter.resolveUser(first.mail), 'ambiguousUser');
    await createUser(slapd, { mail: first.mail });
    await expectDirectoryError(adapter.resolveUser(first.mail), 'ambiguousUser');
  });

  it('finds nobody outside the configured base DNs', async () => {
    const user = await createUser(slapd);
    const elsewhere = new PasswordModifyAdapter(passwordModifyConfig(slapd, { baseDns: [slapd.groupsDn] }));
    try {
      await expectDirectoryError(elsewhere.resolveUser(user.uid), 'userNotFound');
    } finally {
      await elsewhere.close();
    }
  });
});

describe('scope by groups', () => {
  it('refuses members of an excluded group, directly or through a nested group', async () => {
    const excluded = await createGroup(slapd, [], 'excluded');
    const nested = await createGroup(slapd, [], 'nested');
    await addToGroup(slapd, excluded.dn, nested.dn);
    const direct = await createUser(slapd, { groups: [excluded.dn] });
    const indirect = await createUser(slapd, { groups: [nested.dn] });
    const bystander = await createUser(slapd);
    const adapter = new PasswordModifyAdapter(passwordModifyConfig(slapd, { excludedGroups: [excluded.dn.toUpperCase()] }));
    try {
      await expectDirectoryError(adapter.resolveUser(direct.uid), 'outOfScope');
      await expectDirectoryError(adapter.resolveUser(indirect.uid), 'outOfScope');
      expect((await adapter.resolveUser(bystander.uid)).dn).toBe(bystander.dn);
    } finally {
      await adapter.close();
    }
  });

  it('serves only members of the allowed groups when some are configured', async () => {
    const allowed = await createGroup(slapd, [], 'allowed');
    const nested = await createGroup(slapd, [], 'nested');
    await addToGroup(slapd, allowed.dn, nested.dn);
    const member = await createUser(slapd, { groups: [allowed.dn] });
    const nestedMember = await createUser(slapd, { groups: [nested.dn] });
    const outsider = await createUser(slapd);
    const adapter = new PasswordModifyAdapter(passwordModifyConfig(slapd, { allowedGroups: [allowed.dn] }));
    try {
      expect((await adapter.resolveUser(member.uid)).dn).toBe(member.dn);
      expect((await adapter.resolveUser(nestedMember.uid)).dn).toBe(nestedMember.dn);
      await expectDirectoryError(adapter.resolveUser(outsider.uid), 'outOfScope');
    } finally {
      await adapter.close();
    }
  });

  it('lets an exclusion win over an allowed group', async () => {
    const allowed = await createGroup(slapd, [], 'allowed');
    const excluded = await createGroup(slapd, [], 'excluded');
    const user = await createUser(slapd, { groups: [allowed.dn, excluded.dn] });
    const adapter = new PasswordModifyAdapter(passwordModifyConfig(slapd, { allowedGroups: [allowed.dn], excludedGroups: [excluded.dn] }));
    try {
      await expectDirectoryError(adapter.resolveUser(user.uid), 'outOfScope');
    } finally {
      await adapter.close();
    }
  });
});

describe('connections', () => {
  let otherCaDir: string;
  let otherCaPem: string;
  beforeAll(async () => {
    otherCaDir = await mkdtemp(join(tmpdir(), 'sesame-other-ca-'));
    otherCaPem = (await makeCertificateAuthority(otherCaDir, 'Unrelated CA')).pem;
  });
  afterAll(() => rm(otherCaDir, { recursive: true, force: true }));

  it('refuses a server whose certificate another CA signed', async () => {
    const user = await createUser(slapd);
    const adapter = new PasswordModifyAdapter(passwordModifyConfig(slapd, { caPem: otherCaPem }));
    try {
      await expectDirectoryError(adapter.resolveUser(user.uid), 'tlsUntrusted');
      await expectDirectoryError(adapter.verifyPassword({ dn: user.dn, accountName: user.uid, memberOf: [] }, user.password), 'tlsUntrusted');
    } finally {
      await adapter.close();
    }
  });

  it('refuses StartTLS to a server whose certificate another CA signed', async () => {
    const user = await createUser(slapd);
    const adapter = new PasswordModifyAdapter(passwordModifyConfig(slapd, { servers: [slapd.ldapUrl], startTls: true, caPem: otherCaPem }));
    try {
      await expectDirectoryError(adapter.resolveUser(user.uid), 'tlsUntrusted');
    } finally {
      await adapter.close();
    }
  });

  it('works over StartTLS on ldap://', async () => {
    const user = await createUser(slapd);
    const adapter = new PasswordModifyAdapter(passwordModifyConfig(slapd, { servers: [slapd.ldapUrl], startTls: true }));
    try {
      const found = await adapter.resolveUser(user.uid);
      await adapter.verifyPassword(found, user.password);
    } finally {
      await adapter.close();
    }
  });

  it('moves on to the second server when the first is down', async () => {
    const user = await createUser(slapd);
    const down = `ldaps://127.0.0.1:${await unusedPort()}`;
    const adapter = new PasswordModifyAdapter(passwordModifyConfig(slapd, { servers: [down, slapd.ldapsUrl] }));
    try {
      const found = await adapter.resolveUser(user.uid);
      await adapter.verifyPassword(found, user.password);
      await adapter.resetPassword(found, 'Failover-Pass-1');
      await adapter.verifyPassword(found, 'Failover-Pass-1');
    } finally {
      await adapter.close();
    }
  });

  it('reports every server down as unavailable', async () => {
    const adapter = new PasswordModifyAdapter(passwordModifyConfig(slapd, { servers: [`ldaps://127.0.0.1:${await unusedPort()}`] }));
    try {
      await expectDirectoryError(adapter.resolveUser('anyone'), 'serverUnavailable');
    } finally {
      await adapter.close();
    }
  });
});
