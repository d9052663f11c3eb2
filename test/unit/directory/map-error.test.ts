import { describe, expect, it } from 'vitest';
import {
  ConstraintViolationError,
  InsufficientAccessError,
  InvalidCredentialsError,
  UnwillingToPerformError,
} from 'ldapts';
import { DirectoryError } from '../../../electron/directory/errors';
import { fromPasswordPolicyError, toDirectoryError } from '../../../electron/directory/ldap/map-error';

const adBind = (data: string) =>
  new InvalidCredentialsError(`80090308: LdapErr: DSID-0C09041C, comment: AcceptSecurityContext error, data ${data}, v4563 Code: 0x31`);

describe('toDirectoryError', () => {
  it.each([
    ['52e', 'invalidCredentials'],
    ['525', 'invalidCredentials'],
    ['532', 'passwordExpired'],
    ['533', 'accountDisabled'],
    ['701', 'accountExpired'],
    ['773', 'passwordMustChange'],
    ['775', 'accountLocked'],
    ['530', 'accountRestricted'],
  ])('maps AD bind data %s to %s', (data, code) => {
    const error = toDirectoryError(adBind(data), 'bind');
    expect(error.code).toBe(code);
    expect(error.details.adDataCode).toBe(data);
    expect(error.details.resultCode).toBe(49);
  });

  it('maps a plain 49 (OpenLDAP) to invalidCredentials', () => {
    expect(toDirectoryError(new InvalidCredentialsError('Invalid credentials'), 'bind').code).toBe('invalidCredentials');
  });

  it('names the failing rule of an AD policy refusal', () => {
    const err = new ConstraintViolationError(
      '0000052D: Constraint violation - check_password_restrictions: the password is too short. It should be equal or longer than 7 characters!',
    );
    const error = toDirectoryError(err, 'reset');
    expect(error.code).toBe('passwordPolicy');
    expect(error.details.failedRules).toEqual(['minLength']);
  });

  it('recognises AD history, complexity and minimum-age refusals', () => {
    expect(toDirectoryError(new ConstraintViolationError('0000052D: Constraint violation - check_password_restrictions: the password was already used (in history)!'), 'x').details.failedRules).toContain('history');
    expect(toDirectoryError(new ConstraintViolationError('0000052D: Constraint violation - check_password_restrictions: the password does not meet the complexity criteria!'), 'x').details.failedRules).toEqual(['complexity']);
    expect(toDirectoryError(new ConstraintViolationError('0000052D: Constraint violation - check_password_restrictions: password is too young to change!'), 'x').code).toBe('passwordTooYoung');
  });

  it('maps AD wrong old password on change to invalidCredentials', () => {
    const err = new ConstraintViolationError('00000056: Constraint violation - check_password_restrictions: the password is not the old one');
    expect(toDirectoryError(err, 'change').code).toBe('invalidCredentials');
  });

  it('maps OpenLDAP ppolicy texts', () => {
    expect(toDirectoryError(new ConstraintViolationError('Password fails quality checking policy'), 'x').details.failedRules).toEqual(['quality']);
    expect(toDirectoryError(new ConstraintViolationError('Password is in history of old passwords'), 'x').details.failedRules).toEqual(['history']);
    expect(toDirectoryError(new ConstraintViolationError('Password is too short for policy'), 'x').details.failedRules).toEqual(['minLength']);
  });

  it('maps access and unwilling results', () => {
    expect(toDirectoryError(new InsufficientAccessError('00002098: SecErr: DSID-03150F94, problem 4003 (INSUFF_ACCESS_RIGHTS)'), 'x').code).toBe('insufficientRights');
    expect(toDirectoryError(new UnwillingToPerformError('0000001F: SvcErr: DSID-031A12D2, problem 5003 (WILL_NOT_PERFORM)'), 'x').code).toBe('unwillingToPerform');
  });

  it('maps socket and TLS failures', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(toDirectoryError(refused, 'bind').code).toBe('serverUnavailable');
    const untrusted = Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' });
    expect(toDirectoryError(untrusted, 'bind').code).toBe('tlsUntrusted');
    expect(toDirectoryError(new Error('Connection timeout after 5000ms'), 'bind').code).toBe('timeout');
  });

  it('passes a DirectoryError through untouched', () => {
    const original = new DirectoryError('outOfScope', 'x');
    expect(toDirectoryError(original, 'y')).toBe(original);
  });

  it('never carries more of the server text than the log needs', () => {
    const error = toDirectoryError(new ConstraintViolationError('x'.repeat(1000)), 'ctx');
    expect(error.logMessage.length).toBeLessThan(320);
  });
});

describe('fromPasswordPolicyError', () => {
  it('maps ppolicy control errors', () => {
    expect(fromPasswordPolicyError(1, 'bind')?.code).toBe('accountLocked');
    expect(fromPasswordPolicyError(2, 'bind')?.code).toBe('passwordMustChange');
    expect(fromPasswordPolicyError(8, 'modify')?.details.failedRules).toEqual(['history']);
    expect(fromPasswordPolicyError(99, 'bind')).toBeUndefined();
  });
});
