/**
 * The Password Modify adapter's password and account-state operations against a real slapd with ppolicy.
 * Every assertion is what slapd 2.5 really does with a service account holding only `write` access.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isDirectoryError, type DirectoryError, type DirectoryErrorCode } from '../../electron/directory/errors';
import { PasswordModifyAdapter } from '../../electron/directory/password-modify/adapter';
import type { DirectoryUser } from '../../electron/directory/user';
import { canBind, createPolicy, createUser, readEntry, replaceAttributes, type TestUser } from '../support/slapd-users';
import { passwordModifyConfig } from '../support/slapd/password-modify-config';

const slapd = inject('slapd');
const adapter = new PasswordModifyAdapter(passwordModifyConfig(slapd));
afterAll(() => adapter.close());

// Created first so its one-second maximum password age runs out while the other tests run.
let expiring: { test: TestUser; user: DirectoryUser };
let expiringCreatedAt: number;
beforeAll(async () => {
  const policyDn = await createPolicy(slapd, { pwdMaxAge: '1', pwdGraceAuthNLimit: '0' });
  expiring = await newUser({ policyDn });
  expiringCreatedAt = Date.now();
});

async function failure(promise: Promise<unknown>): Promise<DirectoryError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isDirectoryError(error)) throw new Error(`expected a DirectoryError, got ${String(error)}`);
  return error;
}

async function expectCode(promise: Promise<unknown>, code: DirectoryErrorCode): Promise<DirectoryError> {
  const error = await failure(promise);
  expect(error.code).toBe(code);
  return error;
}

async function newUser(options: Parameters<typeof createUser>[1] = {}): Promise<{ test: TestUser; user: DirectoryUser }> {
  const test = await createUser(slapd, options);
  return { test, user: await adapter.resolveUser(test.uid) };
}

describe('account state', () => {
  it('shows a fresh user as usable under the default policy', async () => {
    const { user } = await newUser();
    const state = await adapter.getAccountState(user);
    expect(state).toMatchObject({ usable: true, disabled: false, locked: false, mustChange: false, passwordExpired: false, accountExpired: false, failureCount: 0, remainingFailures: 3, policyDn: slapd.defaultPolicyDn });
    expect(Math.abs((state.passwordChangedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('reads the default and a per-user policy', async () => {
    expect(await adapter.getEffectivePolicy((await newUser()).user)).toEqual({
      source: slapd.defaultPolicyDn, minLength: 8, complexity: false, historyLength: 5, minAgeSeconds: 0, maxAgeSeconds: 315360000,
      lockoutThreshold: 3, lockoutDurationSeconds: 300, mustChangeAfterReset: true, rejectCommonPasswords: false,
    });
    const strictDn = await createPolicy(slapd, { pwdMinLength: '12', pwdInHistory: '2' });
    const { user } = await newUser({ policyDn: strictDn });
    expect(await adapter.getEffectivePolicy(user)).toMatchObject({ source: strictDn, minLength: 12, historyLength: 2 });
    const refused = await expectCode(adapter.resetPassword(user, 'Ten-chars1'), 'passwordPolicy');
    expect(refused.details.failedRules).toEqual(['minLength']);
    await adapter.resetPassword(user, 'Twelve-chars1');
  });

  it('records the last successful login', async () => {
    const { test, user } = await newUser();
    expect((await adapter.getAccountState(user)).lastSuccessfulLogin).toBeUndefined();
    await adapter.verifyPassword(user, test.password);
    const last = (await adapter.getAccountState(user)).lastSuccessfulLogin;
    expect(Math.abs((last?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('locks after three bad passwords and unlocks on request', async () => {
    const { test, user } = await newUser();
    for (let attempt = 0; attempt < 3; attempt++) await expectCode(adapter.verifyPassword(user, `Wrong-${attempt}-pass`), 'invalidCredentials');
    expect((await readEntry(slapd, user.dn, ['pwdAccountLockedTime'])).pwdAccountLockedTime).toHaveLength(1);
    const locked = await adapter.getAccountState(user);
    expect(locked).toMatchObject({ usable: false, locked: true, failureCount: 3, remainingFailures: 0 });
    expect((locked.lockedUntil?.getTime() ?? 0) - Date.now()).toBeGreaterThan(240_000);
    await expectCode(adapter.verifyPassword(user, test.password), 'accountLocked');

    await adapter.unlock(user);
    expect(await adapter.getAccountState(user)).toMatchObject({ usable: true, locked: false, failureCount: 0 });
    await adapter.verifyPassword(user, test.password);
    await adapter.unlock(user); // nothing to unlock: still fine
  });

  it('treats a permanent lock as disabled and will not lift it', async () => {
    const { test, user } = await newUser();
    await replaceAttributes(slapd, user.dn, { pwdAccountLockedTime: ['000001010000Z'] });
    expect(await adapter.getAccountState(user)).toMatchObject({ usable: false, disabled: true, locked: false });
    await expectCode(adapter.verifyPassword(user, test.password), 'accountLocked');
    await expectCode(adapter.unlock(user), 'accountDisabled');
    await expectCode(adapter.resetPassword(user, 'Another-Pass-1'), 'accountDisabled');
    expect((await readEntry(slapd, user.dn, ['pwdAccountLockedTime'])).pwdAccountLockedTime).toEqual(['000001010000Z']);
  });
});

describe('disabled-account filter', () => {
  it('marks matching accounts disabled and refuses to act on them', async () => {
    const filtered = new PasswordModifyAdapter(passwordModifyConfig(slapd, { disabledAccountFilter: '(description=disabled)' }));
    try {
      const disabled = await createUser(slapd);
      const enabled = await createUser(slapd);
      await replaceAttributes(slapd, disabled.dn, { description: ['disabled'] });
      const [disabledUser, enabledUser] = [await filtered.resolveUser(disabled.uid), await filtered.resolveUser(enabled.uid)];
      expect(await filtered.getAccountState(disabledUser)).toMatchObject({ usable: false, disabled: true });
      expect(await filtered.getAccountState(enabledUser)).toMatchObject({ usable: true, disabled: false });
      await expectCode(filtered.resetPassword(disabledUser, 'Another-Pass-1'), 'accountDisabled');
      await expectCode(filtered.unlock(disabledUser), 'accountDisabled');
      await filtered.resetPassword(enabledUser, 'Another-Pass-1');
    } finally {
      await filtered.close();
    }
  });
});

describe('reset by the service account', () => {
  it('sets a new password the user can bind with', async () => {
    const { test, user } = await newUser();
    await adapter.resetPassword(user, 'Reset-Pass-1');
    await adapter.verifyPassword(user, 'Reset-Pass-1');
    await expectCode(adapter.verifyPassword(user, test.password), 'invalidCredentials');
    expect(await adapter.getAccountState(user)).toMatchObject({ usable: true, mustChange: false });
  });

  it('is refused when too short, naming the rule, and never echoes the password', async () => {
    const { test, user } = await newUser();
    const error = await expectCode(adapter.resetPassword(user, 'Sh0rt!'), 'passwordPolicy');
    expect(error.details.failedRules).toEqual(['minLength']);
    expect(`${error.logMessage} ${error.message}`).not.toContain('Sh0rt!');
    await adapter.verifyPassword(user, test.password);
  });

  it('is refused for the current and for a recent password (history)', async () => {
    const { test, user } = await newUser();
    const current = await expectCode(adapter.resetPassword(user, test.password), 'passwordPolicy');
    expect(current.details.failedRules).toEqual(['history']);
    await adapter.resetPassword(user, 'History-Pass-1');
    await adapter.resetPassword(user, 'History-Pass-2');
    const recent = await expectCode(adapter.resetPassword(user, test.password), 'passwordPolicy');
    expect(recent.details.failedRules).toEqual(['history']);
    await adapter.verifyPassword(user, 'History-Pass-2');
  });

  it('also clears a lockout, as slapd does whenever the password is replaced', async () => {
    const { user } = await newUser();
    for (let attempt = 0; attempt < 3; attempt++) await expectCode(adapter.verifyPassword(user, `Wrong-${attempt}-pass`), 'invalidCredentials');
    expect((await adapter.getAccountState(user)).locked).toBe(true);
    await adapter.resetPassword(user, 'After-Lock-1');
    expect(await adapter.getAccountState(user)).toMatchObject({ locked: false, failureCount: 0 });
    await adapter.verifyPassword(user, 'After-Lock-1');
  });

  it('accepts and binds with a non-ASCII password', async () => {
    const { user } = await newUser();
    await adapter.resetPassword(user, 'pàsswȏrd1');
    await adapter.verifyPassword(user, 'pàsswȏrd1');
    expect(await canBind(slapd, user.dn, 'pàsswȏrd1')).toBe(true);
    await expectCode(adapter.verifyPassword(user, 'passwȏrd1'), 'invalidCredentials');
  });

  it('can force a change at next logon', async () => {
    const { user } = await newUser();
    await adapter.resetPassword(user, 'Temp-Pass-11', { mustChange: true });
    expect(await adapter.getAccountState(user)).toMatchObject({ usable: false, mustChange: true });
    await expectCode(adapter.verifyPassword(user, 'Temp-Pass-11'), 'passwordMustChange');
    await adapter.changePassword(user, 'Temp-Pass-11', 'Own-Pass-11');
    await adapter.verifyPassword(user, 'Own-Pass-11');
  });

  it('without mustChange leaves no pending change, even if one was set before (slapd clears pwdReset)', async () => {
    const { user } = await newUser();
    await adapter.setMustChange(user, true);
    await adapter.resetPassword(user, 'Plain-Reset-1');
    expect((await adapter.getAccountState(user)).mustChange).toBe(false);
    await adapter.verifyPassword(user, 'Plain-Reset-1');
  });
});

describe('change as the user', () => {
  it('changes with the right current password', async () => {
    const { test, user } = await newUser();
    await adapter.changePassword(user, test.password, 'Changed-Pass-1');
    await adapter.verifyPassword(user, 'Changed-Pass-1');
  });

  it('refuses a wrong current password and leaves the password as it was', async () => {
    const { test, user } = await newUser();
    const error = await expectCode(adapter.changePassword(user, 'Not-The-Pass-1', 'Changed-Pass-1'), 'invalidCredentials');
    expect(error.logMessage).not.toContain('Not-The-Pass-1');
    expect(error.logMessage).not.toContain('Changed-Pass-1');
    await adapter.verifyPassword(user, test.password);
  });

  it('applies quality and history to the user too', async () => {
    const { test, user } = await newUser();
    await adapter.changePassword(user, test.password, 'Second-Pass-1');
    expect((await expectCode(adapter.changePassword(user, 'Second-Pass-1', test.password), 'passwordPolicy')).details.failedRules).toEqual(['history']);
    expect((await expectCode(adapter.changePassword(user, 'Second-Pass-1', 'short'), 'passwordPolicy')).details.failedRules).toEqual(['minLength']);
  });

  it('refuses empty passwords before any bind (an empty simple bind would be anonymous)', async () => {
    const { test, user } = await newUser();
    await expectCode(adapter.verifyPassword(user, ''), 'invalidInput');
    await expectCode(adapter.changePassword(user, '', 'Whatever-Pass-1'), 'invalidInput');
    await expectCode(adapter.changePassword(user, test.password, ''), 'invalidInput');
  });
});

describe('must change', () => {
  it('is set and cleared by the service account; the user can still change while it is set', async () => {
    const { test, user } = await newUser();
    await adapter.setMustChange(user, true);
    expect((await readEntry(slapd, user.dn, ['pwdReset'])).pwdReset).toEqual(['TRUE']);
    await expectCode(adapter.verifyPassword(user, test.password), 'passwordMustChange');
    await adapter.setMustChange(user, false);
    await adapter.verifyPassword(user, test.password);
    await adapter.setMustChange(user, false); // already clear: still fine

    await adapter.setMustChange(user, true);
    await adapter.changePassword(user, test.password, 'Fresh-Pass-12');
    expect((await adapter.getAccountState(user)).mustChange).toBe(false);
    await adapter.verifyPassword(user, 'Fresh-Pass-12');
  });
});

describe('expired password', () => {
  it('is reported by bind and state, and the user can still change it with the old password', async () => {
    // pwdChangedTime has one-second precision: wait past the one-second maximum age for sure.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiringCreatedAt + 2100 - Date.now())));
    const { test, user } = expiring;
    await expectCode(adapter.verifyPassword(user, test.password), 'passwordExpired');
    expect(await adapter.getAccountState(user)).toMatchObject({ usable: false, passwordExpired: true });
    await expectCode(adapter.changePassword(user, 'Wrong-Old-Pass-1', 'Renewed-Pass-1'), 'invalidCredentials');
    await adapter.changePassword(user, test.password, 'Renewed-Pass-1');
    await adapter.verifyPassword(user, 'Renewed-Pass-1');
  });
});
