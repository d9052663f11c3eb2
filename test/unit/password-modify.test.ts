/** Pure parts of the Password Modify adapter: RFC 3062 encoding, times, ppolicy state, filters, DNs, errors. */
import { InvalidCredentialsError, ConstraintViolationError, PasswordPolicyControl } from 'ldapts';
import type { Entry } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { accountStateFromEntry } from '../../electron/directory/password-modify/account-state';
import { noPolicy, policyFromEntry } from '../../electron/directory/password-modify/effective-policy';
import { loginFilter, toDirectoryUser } from '../../electron/directory/password-modify/find-user';
import { parseGeneralizedTime, toGeneralizedTime } from '../../electron/directory/password-modify/generalized-time';
import { encodePasswordModifyRequest } from '../../electron/directory/password-modify/password-modify-exop';
import { policyAwareError } from '../../electron/directory/password-modify/ppolicy-control';
import { isBelow, normalizeDn } from '../../electron/directory/password-modify/scope';

describe('RFC 3062 request value', () => {
  it('encodes identity, old and new password with context tags [0] [1] [2]', () => {
    const value = encodePasswordModifyRequest({ userIdentity: 'uid=a', oldPassword: 'x', newPassword: 'y' });
    expect(value.toString('hex')).toBe('300d' + '8005' + Buffer.from('uid=a').toString('hex') + '810178' + '820179');
  });

  it('omits absent fields and writes UTF-8 bytes', () => {
    expect(encodePasswordModifyRequest({ newPassword: 'é' }).toString('hex')).toBe('3004' + '8202c3a9');
  });

  it('uses long-form lengths for long values', () => {
    const value = encodePasswordModifyRequest({ newPassword: 'p'.repeat(200) });
    expect(value.subarray(0, 6).toString('hex')).toBe('3081cb' + '8281c8');
    expect(value.length).toBe(3 + 3 + 200);
  });
});

describe('GeneralizedTime', () => {
  it('parses seconds, fractions, minute precision and offsets', () => {
    expect(parseGeneralizedTime('20261123074759Z')?.toISOString()).toBe('2026-11-23T07:47:59.000Z');
    expect(parseGeneralizedTime('20261123074759.686034Z')?.toISOString()).toBe('2026-11-23T07:47:59.686Z');
    expect(parseGeneralizedTime('202611230747Z')?.toISOString()).toBe('2026-11-23T07:47:00.000Z');
    expect(parseGeneralizedTime('20261123094759+0200')?.toISOString()).toBe('2026-11-23T07:47:59.000Z');
    expect(parseGeneralizedTime('not a time')).toBeUndefined();
    expect(toGeneralizedTime(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102030405Z');
  });
});

const policyEntry: Entry = {
  dn: 'cn=default,ou=policies,dc=example,dc=test',
  pwdMinLength: '8', pwdInHistory: '5', pwdMaxFailure: '3', pwdLockout: 'TRUE', pwdLockoutDuration: '300',
  pwdMustChange: 'TRUE', pwdMaxAge: '86400',
};
const policy = policyFromEntry(policyEntry);
const now = new Date('2026-11-23T12:00:00Z');
const user = (attributes: Record<string, string | string[]>): Entry => ({ dn: 'uid=a,ou=people,dc=example,dc=test', ...attributes });

describe('effective policy', () => {
  it('reads a ppolicy entry', () => {
    expect(policy).toEqual({
      source: policyEntry.dn, minLength: 8, complexity: false, historyLength: 5, minAgeSeconds: 0, maxAgeSeconds: 86400,
      lockoutThreshold: 3, lockoutDurationSeconds: 300, mustChangeAfterReset: true, rejectCommonPasswords: false,
    });
  });

  it('has no lockout threshold when pwdLockout is off', () => {
    expect(policyFromEntry({ ...policyEntry, pwdLockout: 'FALSE' }).lockoutThreshold).toBeUndefined();
  });
});

describe('account state from ppolicy attributes', () => {
  it('computes expiry from pwdChangedTime and pwdMaxAge', () => {
    const fresh = accountStateFromEntry(user({ pwdChangedTime: '20261123110000Z' }), policy, now);
    expect(fresh).toMatchObject({ usable: true, passwordExpired: false, secondsUntilPasswordExpiry: 82800, remainingFailures: 3 });
    expect(accountStateFromEntry(user({ pwdChangedTime: '20261120110000Z' }), policy, now)).toMatchObject({ usable: false, passwordExpired: true });
    // slapadd-loaded entries have no pwdChangedTime and never expire
    expect(accountStateFromEntry(user({}), policy, now)).toMatchObject({ passwordExpired: false });
    expect(accountStateFromEntry(user({}), noPolicy(), now)).toMatchObject({ passwordNeverExpires: true });
  });

  it('ends a timed lockout after pwdLockoutDuration', () => {
    const failures = ['20261123115800.1Z', '20261123115801.2Z', '20261123115802.3Z'];
    const recent = accountStateFromEntry(user({ pwdAccountLockedTime: '20261123115900Z', pwdFailureTime: failures }), policy, now);
    expect(recent).toMatchObject({ usable: false, locked: true, failureCount: 3, remainingFailures: 0 });
    expect(recent.lockedUntil?.toISOString()).toBe('2026-11-23T12:04:00.000Z');
    expect(accountStateFromEntry(user({ pwdAccountLockedTime: '20261123105900Z' }), policy, now)).toMatchObject({ locked: false });
    const untilAdmin = accountStateFromEntry(user({ pwdAccountLockedTime: '20261101000000Z' }), { ...policy, lockoutDurationSeconds: 0 }, now);
    expect(untilAdmin).toMatchObject({ locked: true });
    expect(untilAdmin.lockedUntil).toBeUndefined();
  });

  it('treats 000001010000Z as disabled, not locked', () => {
    expect(accountStateFromEntry(user({ pwdAccountLockedTime: '000001010000Z' }), policy, now)).toMatchObject({ usable: false, disabled: true, locked: false });
  });

  it('honours pwdReset only when the policy has pwdMustChange', () => {
    expect(accountStateFromEntry(user({ pwdReset: 'TRUE' }), policy, now)).toMatchObject({ usable: false, mustChange: true });
    expect(accountStateFromEntry(user({ pwdReset: 'TRUE' }), { ...policy, mustChangeAfterReset: false }, now).mustChange).toBe(false);
  });

  it('reads validity window, last success and the policy reference', () => {
    const state = accountStateFromEntry(
      user({ pwdEndTime: '20261123000000Z', pwdLastSuccess: '20261122080000Z', pwdPolicySubentry: 'cn=strict,ou=policies,dc=example,dc=test' }),
      policy,
      now,
    );
    expect(state).toMatchObject({ usable: false, accountExpired: true, policyDn: 'cn=strict,ou=policies,dc=example,dc=test' });
    expect(state.lastSuccessfulLogin?.toISOString()).toBe('2026-11-22T08:00:00.000Z');
    expect(accountStateFromEntry(user({ pwdStartTime: '20261124000000Z' }), policy, now).accountExpired).toBe(true);
  });
});

describe('login filter', () => {
  it('escapes what the user typed in every term', () => {
    expect(loginFilter(['uid'], 'a*b')).toBe('(uid=a\\2ab)');
    expect(loginFilter(['uid', 'mail'], '*)(uid=*')).toBe('(|(uid=\\2a\\29\\28uid=\\2a)(mail=\\2a\\29\\28uid=\\2a))');
    expect(loginFilter(['uid'], 'x\\00\0')).toBe('(uid=x\\5c00\\00)');
  });

  it('maps an entry to a DirectoryUser', () => {
    expect(toDirectoryUser(user({ uid: 'a', cn: 'A', mail: 'a@x', memberOf: 'cn=g,dc=x' }), ['uid'])).toEqual({
      dn: 'uid=a,ou=people,dc=example,dc=test', accountName: 'a', displayName: 'A', mail: 'a@x', memberOf: ['cn=g,dc=x'],
    });
  });
});

describe('DN comparison', () => {
  it('ignores case and spacing around separators but not escaped commas', () => {
    expect(normalizeDn('CN=Staff, OU=Groups , DC=Example,DC=Test')).toBe('cn=staff,ou=groups,dc=example,dc=test');
    expect(isBelow('uid=a,ou=People,dc=example,dc=test', 'ou=people, dc=example,dc=test')).toBe(true);
    expect(isBelow('uid=a,ou=people2,dc=example,dc=test', 'ou=people,dc=example,dc=test')).toBe(false);
    expect(isBelow('uid=a\\,ou=people,ou=other,dc=example,dc=test', 'ou=people,ou=other,dc=example,dc=test')).toBe(false);
  });
});

describe('errors with the password policy control', () => {
  const filled = (error: number) => {
    const control = new PasswordPolicyControl();
    control.value = { error };
    return control;
  };

  it('names the rule the control gives over the generic text', () => {
    const err = new ConstraintViolationError('Password fails quality checking policy');
    const mapped = policyAwareError(err, filled(6), 'reset');
    expect(mapped.code).toBe('passwordPolicy');
    expect(mapped.details).toMatchObject({ failedRules: ['minLength'], resultCode: 19 });
  });

  it('turns a refused bind with accountLocked into accountLocked', () => {
    expect(policyAwareError(new InvalidCredentialsError(''), filled(1), 'bind').code).toBe('accountLocked');
    expect(policyAwareError(new InvalidCredentialsError(''), filled(0), 'bind').code).toBe('passwordExpired');
    expect(policyAwareError(new InvalidCredentialsError(''), new PasswordPolicyControl(), 'bind').code).toBe('invalidCredentials');
  });
});
