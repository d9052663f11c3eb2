/**
 * Maps what ldapts and Node throw into DirectoryError. AD hides its real reason in the diagnostic text
 * ("... data 775" on binds, "0000052D: ..." on modifies); OpenLDAP ppolicy in its texts and control.
 * The server's diagnostic is kept for logs: neither server echoes password values in it.
 */
import { ResultCodeError } from 'ldapts';
import { DirectoryError, type DirectoryErrorCode, type PolicyRule } from '../errors';

const tlsTrustCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const unreachableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);

/** AD bind sub-codes ("data 775") to what they mean for the user. */
const adBindDataCodes: Record<string, DirectoryErrorCode> = {
  '52e': 'invalidCredentials',
  '525': 'invalidCredentials', // unknown user: deliberately indistinguishable from a wrong password
  '530': 'accountRestricted',
  '531': 'accountRestricted',
  '532': 'passwordExpired',
  '533': 'accountDisabled',
  '701': 'accountExpired',
  '773': 'passwordMustChange',
  '775': 'accountLocked',
};

/** ppolicy control error values (draft-behera section 6.2) to codes and rules. */
const ppolicyErrors: ReadonlyArray<{ code: DirectoryErrorCode; rule?: PolicyRule }> = [
  { code: 'passwordExpired' },
  { code: 'accountLocked' },
  { code: 'passwordMustChange' },
  { code: 'insufficientRights' }, // passwordModNotAllowed
  { code: 'invalidCredentials' }, // mustSupplyOldPassword
  { code: 'passwordPolicy', rule: 'quality' },
  { code: 'passwordPolicy', rule: 'minLength' },
  { code: 'passwordTooYoung', rule: 'minAge' },
  { code: 'passwordPolicy', rule: 'history' },
];

/** Which policy rules a server's refusal text names (AD 0000052D texts and OpenLDAP ppolicy texts). */
export function rulesFromPolicyText(text: string): PolicyRule[] {
  const t = text.toLowerCase();
  const rules: PolicyRule[] = [];
  if (t.includes('too short')) rules.push('minLength');
  if (t.includes('too long')) rules.push('maxLength');
  if (t.includes('complex')) rules.push('complexity');
  if (t.includes('history') || t.includes('already used') || t.includes('not being changed from existing value')) rules.push('history');
  if (t.includes('quality')) rules.push('quality');
  if (t.includes('too young')) rules.push('minAge');
  return rules;
}

function diagnostic(err: ResultCodeError): string {
  // ldapts appends " Code: 0x.." to the server's text; keep the text short for log lines.
  return err.message.replace(/\s*Code: 0x[0-9a-f]+$/i, '').slice(0, 240);
}

function fromResultCode(err: ResultCodeError, context: string): DirectoryError {
  const text = diagnostic(err);
  const adData = /\bdata ([0-9a-f]{3,4})\b/i.exec(text)?.[1]?.toLowerCase();
  const adExtended = /^([0-9A-F]{8}):/.exec(text)?.[1];
  const log = `${context}: LDAP result ${err.code} (${text})`;
  const details = { resultCode: err.code, ...(adData ? { adDataCode: adData } : {}) };
  const make = (code: DirectoryErrorCode, failedRules?: PolicyRule[]) =>
    new DirectoryError(code, log, failedRules?.length ? { ...details, failedRules } : details, { cause: err });

  if (adExtended === '00000056') return make('invalidCredentials'); // AD: wrong old password on change
  if (adExtended === '00000775') return make('accountLocked'); // AD: change refused, account locked out
  switch (err.code) {
    case 49:
      return make((adData && adBindDataCodes[adData]) || 'invalidCredentials');
    case 19: {
      const rules = rulesFromPolicyText(text);
      if (rules.includes('minAge')) return make('passwordTooYoung', rules);
      return make('passwordPolicy', rules.length ? rules : ['quality']);
    }
    case 50:
      return make('insufficientRights');
    case 53:
      return make(rulesFromPolicyText(text).length ? 'passwordPolicy' : 'unwillingToPerform', rulesFromPolicyText(text));
    case 32:
      return make('userNotFound');
    case 8:
    case 13:
      return make('configuration'); // strong authentication / confidentiality required: TLS misconfigured
    case 3:
      return make('timeout');
    case 51:
    case 52:
      return make('serverUnavailable');
    default:
      return make('protocol');
  }
}

/** Maps a ppolicy response control's error value, when the server sent one. */
export function fromPasswordPolicyError(error: number, context: string, cause?: unknown): DirectoryError | undefined {
  const mapped = ppolicyErrors[error];
  if (!mapped) return undefined;
  return new DirectoryError(
    mapped.code,
    `${context}: password policy control error ${error}`,
    mapped.rule ? { failedRules: [mapped.rule] } : {},
    { cause },
  );
}

/** Any error thrown by ldapts or Node's sockets, as a DirectoryError. */
export function toDirectoryError(err: unknown, context: string): DirectoryError {
  if (err instanceof DirectoryError) return err;
  if (err instanceof ResultCodeError) return fromResultCode(err, context);
  const nodeCode = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const message = err instanceof Error ? err.message : String(err);
  if (tlsTrustCodes.has(nodeCode)) {
    return new DirectoryError('tlsUntrusted', `${context}: server certificate not trusted (${nodeCode})`, {}, { cause: err });
  }
  if (unreachableCodes.has(nodeCode)) {
    return new DirectoryError('serverUnavailable', `${context}: ${nodeCode}`, {}, { cause: err });
  }
  if (nodeCode === 'ETIMEDOUT' || /timeout|timed out/i.test(message)) {
    return new DirectoryError('timeout', `${context}: ${message.slice(0, 200)}`, {}, { cause: err });
  }
  return new DirectoryError('protocol', `${context}: ${message.slice(0, 200)}`, {}, { cause: err });
}

/** Errors that mean "this server, not this request": worth trying the next server. */
export function isConnectionLevel(error: DirectoryError): boolean {
  return error.code === 'serverUnavailable' || error.code === 'timeout' || error.code === 'tlsUntrusted';
}
