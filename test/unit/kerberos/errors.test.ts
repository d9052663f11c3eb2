import { describe, expect, it } from 'vitest';
import { directoryErrorFromKpasswdResult, directoryErrorFromKrbError } from '../../../electron/kerberos/errors';
import { decodeAdPolicy, describeRefusal, encodeAdPolicy } from '../../../electron/kerberos/policy-refusal';
import { ntStatusFromErrorData } from '../../../electron/kerberos/nt-status';
import { paDataBlock } from '../../../electron/kerberos/asn1/common';
import { encode, sequenceOf } from '../../../electron/kerberos/asn1/der';

const krbError = (errorCode: number, text?: string) => ({
  errorCode,
  serverTime: new Date(),
  serverMicroseconds: 0,
  realm: 'EXAMPLE.TEST',
  server: { type: 2, components: ['kadmin', 'changepw'] },
  ...(text ? { text } : {}),
});

describe('AD policy block in a kpasswd soft error', () => {
  const policy = { minLength: 7, historyLength: 24, complexityRequired: true, maxAgeDays: 42, minAgeDays: 1 };

  it('decodes the 30-byte big-endian layout', () => {
    const blob = encodeAdPolicy(policy);
    expect(blob.length).toBe(30);
    expect(blob.subarray(0, 2).toString('hex')).toBe('0000');
    expect(blob.readUInt32BE(2)).toBe(7);
    expect(decodeAdPolicy(blob)).toEqual(policy);
  });

  it('turns every active rule into a candidate failed rule', () => {
    const refusal = describeRefusal(encodeAdPolicy(policy));
    expect(refusal.failedRules).toEqual(['minLength', 'complexity', 'history', 'minAge']);
    expect(refusal.reason).toMatch(/minimum length 7, history 24, complexity required, minimum age 1 days/);
    expect(describeRefusal(encodeAdPolicy({ ...policy, historyLength: 0, complexityRequired: false, minAgeDays: 0 })).failedRules).toEqual(['minLength']);
  });

  it('treats anything not shaped like the block as text', () => {
    expect(decodeAdPolicy(Buffer.from('Password too short, password must be at least 7 characters long.'))).toBeUndefined();
  });
});

describe('text refusals from Samba and MIT', () => {
  it.each([
    ['Password too short, password must be at least 7 characters long.', ['minLength']],
    ['Password does not meet complexity requirements', ['complexity']],
    ['Password is already in password history. New password must not match any of your 24 previous passwords.', ['history']],
    ['Password is too young to change', ['minAge']],
    ['Password cannot be changed because it was changed too recently.', ['minAge']],
    ['New password does not have enough character classes.', ['complexity']],
    ['Cannot reuse password', ['history']],
    ['Something else entirely', []],
  ])('%s', (text, rules) => {
    expect(describeRefusal(Buffer.from(text)).failedRules).toEqual(rules);
  });
});

describe('kpasswd result codes as directory errors', () => {
  it('succeeds on 0', () => {
    expect(directoryErrorFromKpasswdResult(0, Buffer.alloc(0))).toBeUndefined();
  });

  it.each([
    [4, 'Password too short', 'passwordPolicy'],
    [4, 'Password is too young to change', 'passwordTooYoung'],
    [3, 'Authentication failed', 'invalidCredentials'],
    [5, 'No such user when changing password', 'userNotFound'],
    [5, 'Not permitted to change password', 'insufficientRights'],
    [2, 'Principal does not exist', 'userNotFound'],
    [2, 'Internal error', 'unwillingToPerform'],
    [1, 'Malformed', 'protocol'],
    [6, 'Bad version', 'protocol'],
  ])('result %i "%s" is %s', (code, text, expected) => {
    expect(directoryErrorFromKpasswdResult(code, Buffer.from(text))?.code).toBe(expected);
  });

  it('an AD soft error with the policy block is a policy error with rules', () => {
    const error = directoryErrorFromKpasswdResult(4, encodeAdPolicy({ minLength: 7, historyLength: 0, complexityRequired: true, maxAgeDays: 0, minAgeDays: 0 }));
    expect(error?.code).toBe('passwordPolicy');
    expect(error?.details.failedRules).toEqual(['minLength', 'complexity']);
  });
});

describe('KDC errors as directory errors', () => {
  it.each([
    [6, 'userNotFound'],
    [24, 'invalidCredentials'],
    [31, 'invalidCredentials'],
    [18, 'accountLocked'],
    [23, 'passwordExpired'],
    [37, 'clockSkew'],
    [7, 'configuration'],
    [14, 'configuration'],
    [60, 'protocol'],
  ])('error %i is %s', (code, expected) => {
    expect(directoryErrorFromKrbError(krbError(code), 'AS').code).toBe(expected);
  });

  it('says which way the clocks differ', () => {
    expect(directoryErrorFromKrbError(krbError(37, 'Clock skew too great'), 'AS', -3_600_000).logMessage).toMatch(
      /Clock skew too great.*server's clock is 3600 s behind this computer's/,
    );
    expect(directoryErrorFromKrbError(krbError(37), 'AS', 600_000).logMessage).toMatch(/600 s ahead of/);
  });
});

describe('NTSTATUS from AD/Samba KRB-ERROR e-data', () => {
  // Captured from Samba 4.17: CLIENT_REVOKED for a disabled and for an expired account, PREAUTH_FAILED for a wrong password.
  const disabled = Buffer.from(
    '3047302ea103020113a227042530233021a003020112a1121b104558414d504c452e544553546b646973a2060404000010003015a103020103a20e040c720000c00000000001000000',
    'hex',
  );
  const expired = Buffer.from(
    '3047302ea103020113a227042530233021a003020112a1121b104558414d504c452e544553546b657870a2060404000010003015a103020103a20e040c930100c00000000001000000',
    'hex',
  );
  const wrongPassword = Buffer.from('3030302ea103020113a227042530233021a003020112a1121b104558414d504c452e544553546b646973a206040400001000', 'hex');

  it('reads the status from METHOD-DATA', () => {
    expect(ntStatusFromErrorData(disabled)).toBe(0xc0000072);
    expect(ntStatusFromErrorData(expired)).toBe(0xc0000193);
    expect(ntStatusFromErrorData(wrongPassword)).toBeUndefined();
    expect(ntStatusFromErrorData(Buffer.from([1, 2, 3]))).toBeUndefined();
  });

  it('reads the status from a single KERB-ERROR-DATA (Windows)', () => {
    const extError = Buffer.from('340200c00000000001000000', 'hex');
    const single = encode(paDataBlock({ type: 3, value: extError }));
    expect(ntStatusFromErrorData(single)).toBe(0xc0000234);
  });

  it('turns CLIENT_REVOKED into disabled, expired or locked', () => {
    expect(directoryErrorFromKrbError({ ...krbError(18), data: disabled }, 'AS').code).toBe('accountDisabled');
    expect(directoryErrorFromKrbError({ ...krbError(18), data: expired }, 'AS').code).toBe('accountExpired');
    const locked = encode(sequenceOf([paDataBlock({ type: 3, value: Buffer.from('340200c00000000001000000', 'hex') })]));
    const error = directoryErrorFromKrbError({ ...krbError(18), data: locked }, 'AS');
    expect(error.code).toBe('accountLocked');
    expect(error.logMessage).toContain('NTSTATUS 0xC0000234');
    expect(directoryErrorFromKrbError({ ...krbError(24), data: wrongPassword }, 'AS').code).toBe('invalidCredentials');
  });
});
