/**
 * Kerberos failures as Sesame's typed directory errors. Log messages name the KDC error or kpasswd result
 * and the server's text, never a password or key.
 */
import { DirectoryError } from '../directory/errors';
import { type KrbError, krbErrorCodes } from './asn1/krb-error';
import { formatNtStatus, ntStatusCodes, ntStatusFromErrorData } from './nt-status';
import { describeRefusal } from './policy-refusal';

export const kpasswdResults = {
  success: 0,
  malformed: 1,
  hardError: 2,
  authError: 3,
  softError: 4,
  accessDenied: 5,
  badVersion: 6,
  initialFlagNeeded: 7,
} as const;

const describeSkew = (skewMs: number | undefined): string =>
  skewMs === undefined ? '' : `; the server's clock is ${Math.abs(Math.round(skewMs / 1000))} s ${skewMs < 0 ? 'behind' : 'ahead of'} this computer's`;

const describe = (error: KrbError): string => `KRB-ERROR ${error.errorCode}${error.text ? ` (${error.text})` : ''}`;

/** `skewMs`: how far the server's clock (from the error's stime) is ahead of ours. */
export function directoryErrorFromKrbError(error: KrbError, stage: string, skewMs?: number): DirectoryError {
  const status = ntStatusFromErrorData(error.data);
  const text = `${stage}: ${describe(error)}${status === undefined ? '' : ` NTSTATUS ${formatNtStatus(status)}`}`;
  // AD's NTSTATUS is more precise than the Kerberos code (CLIENT_REVOKED covers locked, disabled, expired).
  const fromStatus = status === undefined ? undefined : ntStatusCodes.get(status);
  if (fromStatus) return new DirectoryError(fromStatus, text);
  switch (error.errorCode) {
    case krbErrorCodes.clientUnknown:
      return new DirectoryError('userNotFound', `${text}: client principal unknown to the KDC`);
    case krbErrorCodes.preauthFailed:
    case krbErrorCodes.badIntegrity:
      return new DirectoryError('invalidCredentials', `${text}: wrong password`);
    case krbErrorCodes.clientRevoked:
      return new DirectoryError('accountLocked', `${text}: client locked out or disabled`);
    case krbErrorCodes.keyExpired:
      return new DirectoryError('passwordExpired', text);
    case krbErrorCodes.clockSkew:
    case 11: // KDC_ERR_NEVER_VALID: the requested end time is already past on the KDC's clock
      return new DirectoryError('clockSkew', `${text}: clocks too far apart${describeSkew(skewMs)}`);
    case krbErrorCodes.serverUnknown:
    case krbErrorCodes.etypeNotSupported:
    case krbErrorCodes.wrongRealm:
      return new DirectoryError('configuration', text);
    default:
      return new DirectoryError('protocol', text);
  }
}

const notFound = /no such user|does not exist|not found|unknown/i;

/** The error for a kpasswd result code, or undefined for success. */
export function directoryErrorFromKpasswdResult(code: number, resultString: Uint8Array): DirectoryError | undefined {
  if (code === kpasswdResults.success) return undefined;
  const refusal = describeRefusal(resultString);
  const text = `kpasswd result ${code}: ${refusal.reason || '(no text)'}`;
  switch (code) {
    case kpasswdResults.softError: {
      const tooYoungOnly = refusal.failedRules.length === 1 && refusal.failedRules[0] === 'minAge' && !refusal.adPolicy;
      return new DirectoryError(tooYoungOnly ? 'passwordTooYoung' : 'passwordPolicy', text, { failedRules: refusal.failedRules });
    }
    case kpasswdResults.authError:
      return new DirectoryError('invalidCredentials', text);
    case kpasswdResults.accessDenied:
      return new DirectoryError(notFound.test(refusal.reason) ? 'userNotFound' : 'insufficientRights', text);
    case kpasswdResults.hardError:
      if (notFound.test(refusal.reason)) return new DirectoryError('userNotFound', text);
      if (refusal.failedRules.length > 0) return new DirectoryError('passwordPolicy', text, { failedRules: refusal.failedRules });
      return new DirectoryError('unwillingToPerform', text);
    default:
      return new DirectoryError('protocol', text);
  }
}
