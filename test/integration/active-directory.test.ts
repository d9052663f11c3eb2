/** The Active Directory adapter against the real Samba AD DC: every test on users of its own. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ActiveDirectoryAdapter } from '../../electron/directory/active-directory/adapter';
import { directoryConfigSchema, type DirectoryConfigInput } from '../../electron/directory/config';
import { isDirectoryError, type DirectoryError } from '../../electron/directory/errors';
import { addToGroup, canBind, createGroup, createUser, domainAdminsDn, objectRid, randomPassword, readEntry, replaceAttributes, type SambaTestUser } from '../support/samba-users';
import { makeCertificateAuthority } from '../support/slapd/certificates';

const samba = inject('samba');

const adapters: ActiveDirectoryAdapter[] = [];
function adapter(overrides: Partial<DirectoryConfigInput> = {}): ActiveDirectoryAdapter {
  const config = directoryConfigSchema.parse({
    kind: 'activeDirectory',
    servers: [samba.ldapsUrl],
    caPem: samba.caPem,
    tlsServerName: samba.tlsServerName,
    connectTimeoutMs: 3000,
    serviceBindDn: samba.serviceDn,
    servicePassword: samba.servicePassword,
    baseDns: [samba.usersDn],
    loginAttributes: ['sAMAccountName', 'userPrincipalName', 'mail'],
    // Samba 4.17 supports no policy hints control (see the dedicated test); most tests reset without.
    policyHints: false,
    ...overrides,
  });
  const created = new ActiveDirectoryAdapter(config);
  adapters.push(created);
  return created;
}
const ad = adapter();

afterAll(async () => {
  await Promise.all(adapters.map((each) => each.close()));
});

async function failure(promise: Promise<unknown>, ...secrets: string[]): Promise<DirectoryError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isDirectoryError(error)) throw new Error(`expected a DirectoryError, got ${String(error)}`);
  for (const secret of secrets) expect(`${error.message} ${error.logMessage}`).not.toContain(secret);
  return error;
}

const resolved = (user: SambaTestUser) => ad.resolveUser(user.sAMAccountName);

describe('ActiveDirectoryAdapter on Samba AD: finding users', () => {
  it('resolves one user by sAMAccountName, userPrincipalName and mail', async () => {
    const user = await createUser(samba, { prefix: 'find' });
    for (const typed of [user.sAMAccountName, user.userPrincipalName, user.mail, `  ${user.sAMAccountName.toUpperCase()} `]) {
      const found = await ad.resolveUser(typed);
      expect(found).toMatchObject({ dn: user.dn, accountName: user.sAMAccountName, displayName: user.displayName, mail: user.mail, userPrincipalName: user.userPrincipalName });
    }
  });

  it('finds nobody for filter injection attempts', async () => {
    const user = await createUser(samba, { prefix: 'inj' });
    const attempts = ['*', `${user.sAMAccountName.slice(0, 6)}*`, `*)(sAMAccountName=${user.sAMAccountName}`, `${user.sAMAccountName})(|(objectClass=*`, '\\2a', `${user.sAMAccountName}\\00`];
    for (const typed of attempts) expect((await failure(ad.resolveUser(typed))).code).toBe('userNotFound');
    // A NUL would end the value inside the DC, so control characters never reach it.
    expect((await failure(ad.resolveUser(`${user.sAMAccountName}\0`))).code).toBe('invalidInput');
  });

  it('refuses a name that matches two users as ambiguous', async () => {
    const mail = `shared.${Date.now().toString(36)}@example.test`;
    await createUser(samba, { prefix: 'twin', mail });
    await createUser(samba, { prefix: 'twin', mail });
    expect((await failure(ad.resolveUser(mail))).code).toBe('ambiguousUser');
  });

  it('applies allowed and excluded groups through nested membership', async () => {
    const inner = await createGroup(samba, [], 'in');
    const outer = await createGroup(samba, [inner.dn], 'out');
    const user = await createUser(samba, { prefix: 'nest', groups: [inner.dn] });
    const unrelated = await createGroup(samba, [], 'oth');
    expect((await adapter({ allowedGroups: [outer.dn] }).resolveUser(user.sAMAccountName)).dn).toBe(user.dn);
    expect((await failure(adapter({ excludedGroups: [outer.dn] }).resolveUser(user.sAMAccountName))).code).toBe('outOfScope');
    expect((await failure(adapter({ allowedGroups: [unrelated.dn] }).resolveUser(user.sAMAccountName))).code).toBe('outOfScope');
  });

  it('refuses protected accounts: Domain Admins members (direct and nested) and Administrator', async () => {
    const direct = await createUser(samba, { prefix: 'da', groups: [domainAdminsDn(samba)] });
    const viaGroup = await createGroup(samba, [], 'dasub');
    await addToGroup(samba, domainAdminsDn(samba), viaGroup.dn);
    const nested = await createUser(samba, { prefix: 'dan', groups: [viaGroup.dn] });
    for (const name of [direct.sAMAccountName, nested.sAMAccountName, 'Administrator']) {
      expect((await failure(ad.resolveUser(name))).code).toBe('protectedAccount');
    }
    expect((await adapter({ refuseProtectedAccounts: false }).resolveUser(direct.sAMAccountName)).dn).toBe(direct.dn);
  });

  it('refuses by adminCount and by a primary group, which is no member link', async () => {
    const stamped = await createUser(samba, { prefix: 'adm' });
    await replaceAttributes(samba, stamped.dn, { adminCount: ['1'] });
    expect((await failure(resolved(stamped))).logMessage).toContain('adminCount');
    const primaryAdmin = await createUser(samba, { prefix: 'pga', groups: [domainAdminsDn(samba)] });
    await replaceAttributes(samba, primaryAdmin.dn, { primaryGroupID: ['512'] });
    expect((await failure(resolved(primaryAdmin))).logMessage).toContain('primary group RID 512');
    const inner = await createGroup(samba, [], 'pgin');
    await addToGroup(samba, domainAdminsDn(samba), inner.dn);
    const viaPrimary = await createUser(samba, { prefix: 'pgn', groups: [inner.dn] });
    await replaceAttributes(samba, viaPrimary.dn, { primaryGroupID: [String(await objectRid(samba, inner.dn))] });
    expect((await failure(resolved(viaPrimary))).logMessage).toContain('inside a protected group');
  });

  it('refuses disabled and expired accounts', async () => {
    const disabled = await createUser(samba, { prefix: 'dis', disabled: true });
    expect((await failure(resolved(disabled))).code).toBe('accountDisabled');
    const expired = await createUser(samba, { prefix: 'exp', accountExpires: '130000000000000000' }); // 2012
    expect((await failure(resolved(expired))).code).toBe('accountExpired');
  });
});

describe('ActiveDirectoryAdapter on Samba AD: policy and state', () => {
  it('reads the domain policy, and the PSO for a member of its group', async () => {
    const plain = await resolved(await createUser(samba, { prefix: 'pol' }));
    expect(await ad.getEffectivePolicy(plain)).toMatchObject({
      source: samba.baseDn,
      minLength: 7,
      complexity: true,
      historyLength: 24,
      minAgeSeconds: 0,
      maxAgeSeconds: 42 * 24 * 3600,
      lockoutThreshold: 3,
      lockoutDurationSeconds: 30 * 60,
    });
    const long = await createUser(samba, { prefix: 'pso', groups: [samba.longPasswordGroupDn], password: 'Long-Start-Pass-1' });
    const longUser = await resolved(long);
    const policy = await ad.getEffectivePolicy(longUser);
    expect(policy).toMatchObject({ source: samba.longPasswordPsoDn, minLength: 12, complexity: true });
    expect((await ad.getAccountState(longUser)).policyDn).toBe(samba.longPasswordPsoDn);
    const short = await failure(ad.resetPassword(longUser, 'Nine-Ch1x'), 'Nine-Ch1x');
    expect(short).toMatchObject({ code: 'passwordPolicy', details: { failedRules: ['minLength'] } });
  });

  it('locks after three bad passwords, reports it, and unlocks', async () => {
    const user = await createUser(samba, { prefix: 'lock' });
    const found = await resolved(user);
    expect(await ad.getAccountState(found)).toMatchObject({ usable: true, locked: false, failureCount: 0, remainingFailures: 3 });
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await failure(ad.verifyPassword(found, 'Wrong-Pass-1'), 'Wrong-Pass-1')).code).toBe('invalidCredentials');
    }
    const locked = await ad.getAccountState(found);
    expect(locked).toMatchObject({ usable: false, locked: true, failureCount: 3, remainingFailures: 0 });
    const lockedAt = await readEntry(samba, user.dn, ['lockoutTime']);
    expect(locked.lockedUntil?.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(lockedAt.lockoutTime?.[0]).not.toBe('0');
    const refused = await failure(ad.verifyPassword(found, user.password), user.password);
    expect(refused).toMatchObject({ code: 'accountLocked', details: { adDataCode: '775' } });
    // A change with the right old password is refused while locked too (00000775 on the modify).
    expect((await failure(ad.changePassword(found, user.password, 'Changed-Pass-7'), user.password, 'Changed-Pass-7')).code).toBe('accountLocked');
    await ad.unlock(found);
    expect(await ad.getAccountState(found)).toMatchObject({ usable: true, locked: false });
    await ad.verifyPassword(found, user.password);
  });

  it('reports must-change; a change with the old password then works although the user cannot bind', async () => {
    const user = await createUser(samba, { prefix: 'must' });
    const found = await resolved(user);
    await ad.setMustChange(found, true);
    expect(await ad.getAccountState(found)).toMatchObject({ mustChange: true, passwordExpired: false, usable: false });
    expect((await failure(ad.verifyPassword(found, user.password), user.password)).code).toBe('passwordMustChange');
    // Clearing it (pwdLastSet -1) lets the user bind again; then it is set once more for the change.
    await ad.setMustChange(found, false);
    await ad.verifyPassword(found, user.password);
    await ad.setMustChange(found, true);
    const next = randomPassword();
    await ad.changePassword(found, user.password, next);
    await ad.verifyPassword(found, next);
    const state = await ad.getAccountState(found);
    expect(state).toMatchObject({ mustChange: false, usable: true });
    expect(state.passwordChangedAt?.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(state.passwordExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 41 * 24 * 3600_000);
  });
});

describe('ActiveDirectoryAdapter on Samba AD: resets and changes', () => {
  it('refuses a too-short and a non-complex reset, naming the rule, without echoing the password', async () => {
    const found = await resolved(await createUser(samba, { prefix: 'rule' }));
    expect(await failure(ad.resetPassword(found, 'Ab1-'), 'Ab1-')).toMatchObject({ code: 'passwordPolicy', details: { failedRules: ['minLength'] } });
    const simple = 'alllowercaseletters';
    expect(await failure(ad.resetPassword(found, simple), simple)).toMatchObject({ code: 'passwordPolicy', details: { failedRules: ['complexity'] } });
  });

  it('with policy hints configured, refuses to reset on a DC without the control rather than skip history', async () => {
    const user = await createUser(samba, { prefix: 'hint' });
    const withHints = adapter({ policyHints: true });
    const found = await withHints.resolveUser(user.sAMAccountName);
    const error = await failure(withHints.resetPassword(found, 'Hinted-Pass-2'), 'Hinted-Pass-2');
    expect(error.code).toBe('configuration');
    expect(error.logMessage).toContain('policy hints');
    expect(await canBind(samba, user.dn, user.password)).toBe(true);
  });

  it('without hints Samba applies no history to a reset; a change is history-checked', async () => {
    const user = await createUser(samba, { prefix: 'hist' });
    const found = await resolved(user);
    // What Samba does (asserted, not wished): a reset to the current password is accepted.
    await ad.resetPassword(found, user.password);
    const second = randomPassword();
    await ad.changePassword(found, user.password, second);
    const reused = await failure(ad.changePassword(found, second, user.password), user.password, second);
    expect(reused).toMatchObject({ code: 'passwordPolicy', details: { failedRules: ['history'] } });
    // Samba words "the current one again" differently ("already used (previous password)"): history too.
    const same = await failure(ad.changePassword(found, second, second), second);
    expect(same).toMatchObject({ code: 'passwordPolicy', details: { failedRules: ['history'] } });
    expect(same.logMessage).toContain('already used');
  });

  it('resets with unlock and must-change in one call', async () => {
    const user = await createUser(samba, { prefix: 'opt' });
    const found = await resolved(user);
    for (let attempt = 0; attempt < 3; attempt++) await failure(ad.verifyPassword(found, 'Wrong-Pass-1'));
    expect((await ad.getAccountState(found)).locked).toBe(true);
    const next = randomPassword();
    await ad.resetPassword(found, next, { unlock: true, mustChange: true });
    expect(await ad.getAccountState(found)).toMatchObject({ locked: false, mustChange: true });
    expect((await failure(ad.verifyPassword(found, next))).code).toBe('passwordMustChange');
  });

  it('resets to a non-ASCII password that then binds', async () => {
    const found = await resolved(await createUser(samba, { prefix: 'utf' }));
    await ad.resetPassword(found, 'pàsswȏrd1A');
    await ad.verifyPassword(found, 'pàsswȏrd1A');
    expect(await canBind(samba, found.dn, 'pàsswȏrd1A')).toBe(true);
  });

  it('reports a change with a wrong current password as invalid credentials', async () => {
    const found = await resolved(await createUser(samba, { prefix: 'wrong' }));
    const error = await failure(ad.changePassword(found, 'Not-The-Pass-1', 'Changed-Pass-2'), 'Not-The-Pass-1', 'Changed-Pass-2');
    expect(error.code).toBe('invalidCredentials');
  });

  it('reports a reset by an account without the Reset Password right as insufficient rights', async () => {
    const helper = await createUser(samba, { prefix: 'norig' });
    const victim = await createUser(samba, { prefix: 'vict' });
    const weak = adapter({ serviceBindDn: helper.dn, servicePassword: helper.password });
    const found = await weak.resolveUser(victim.sAMAccountName);
    expect((await failure(weak.resetPassword(found, 'Reset-Pass-3'))).code).toBe('insufficientRights');
    expect(await canBind(samba, victim.dn, victim.password)).toBe(true);
  });
});

describe('ActiveDirectoryAdapter on Samba AD: connections', () => {
  it('works over StartTLS on 389', async () => {
    const user = await createUser(samba, { prefix: 'stls' });
    expect((await adapter({ servers: [samba.ldapUrl], startTls: true }).resolveUser(user.sAMAccountName)).dn).toBe(user.dn);
  });

  it('refuses a DC whose certificate another CA signed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sesame-otherca-'));
    try {
      const other = await makeCertificateAuthority(dir, 'Unrelated CA');
      expect((await failure(adapter({ caPem: other.pem }).resolveUser('anyone'))).code).toBe('tlsUntrusted');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails over to the second server when the first is down', async () => {
    const user = await createUser(samba, { prefix: 'fail' });
    const failover = adapter({ servers: ['ldaps://127.0.0.1:1', samba.ldapsUrl] });
    expect((await failover.resolveUser(user.sAMAccountName)).dn).toBe(user.dn);
    await failover.verifyPassword(await failover.resolveUser(user.sAMAccountName), user.password);
  });
});
