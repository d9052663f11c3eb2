/**
 * Typed directory errors. Every failure the directory core reports is one of these codes, each with a
 * user-facing message key (translated by the renderer) and a precise log message that never holds a
 * secret. One class, discriminated by `code`, so callers switch exhaustively.
 */
export const directoryErrorCodes = [
  'userNotFound', // no entry matched the typed name
  'ambiguousUser', // more than one entry matched
  'outOfScope', // outside configured base DNs / groups
  'protectedAccount', // privileged account, refused by policy
  'accountDisabled',
  'accountExpired',
  'accountRestricted', // logon hours or workstation restrictions
  'accountLocked',
  'invalidCredentials', // wrong current password on bind or change
  'passwordMustChange', // bind refused until the password is changed
  'passwordExpired',
  'passwordPolicy', // new password refused: too short, complexity, history, too young...
  'passwordTooYoung', // minimum password age not reached
  'insufficientRights', // the bound identity may not do this
  'unwillingToPerform',
  'tlsUntrusted', // server certificate not trusted by the configured CA
  'serverUnavailable', // every configured server failed
  'timeout',
  'clockSkew', // client and server clocks differ more than Kerberos allows (usually 5 minutes)
  'invalidInput', // name or password malformed before reaching the server
  'configuration',
  'protocol', // the server answered something we cannot interpret
] as const;
export type DirectoryErrorCode = (typeof directoryErrorCodes)[number];

/** Which rules of the effective policy a refused password broke, when known. */
export type PolicyRule =
  | 'minLength'
  | 'maxLength'
  | 'complexity'
  | 'containsAccountName'
  | 'containsDisplayName'
  | 'history'
  | 'commonPassword'
  | 'minAge'
  | 'quality';

export interface DirectoryErrorDetails {
  /** Rules the server (or the local check) says the password failed. */
  failedRules?: readonly PolicyRule[];
  /** LDAP result code, when the error came from an LDAP result. */
  resultCode?: number;
  /** AD's extended error (the hex "data" code in the diagnostic message), e.g. '775'. */
  adDataCode?: string;
  /** For lockouts with a known end. */
  lockedUntil?: Date;
}

export class DirectoryError extends Error {
  override readonly name = 'DirectoryError';
  constructor(
    readonly code: DirectoryErrorCode,
    /** Precise, secret-free text for logs. */
    readonly logMessage: string,
    readonly details: DirectoryErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(logMessage, options);
  }

  /** Key the renderer translates, e.g. `directory.error.passwordPolicy`. */
  get messageKey(): string {
    return `directory.error.${this.code}`;
  }
}

export function isDirectoryError(value: unknown, code?: DirectoryErrorCode): value is DirectoryError {
  return value instanceof DirectoryError && (code === undefined || value.code === code);
}
