/**
 * One account-state model for every adapter, after PingDS's ds-pwp-state-json fields and CzechIdM's
 * password metadata. A field the directory cannot tell is `undefined`, never guessed.
 */
export interface AccountState {
  /** The account can authenticate now (not disabled, locked, expired, password expired or must-change). */
  usable: boolean;
  disabled: boolean;
  locked: boolean;
  /** When a timed lockout ends; undefined for permanent lockouts or when unknown. */
  lockedUntil?: Date;
  /** The account itself is past its expiry (AD accountExpires, CzechIdM valid till). */
  accountExpired: boolean;
  /** When the account stops being valid (AD accountExpires, ppolicy pwdEndTime). */
  validUntil?: Date;
  passwordExpired: boolean;
  /** The password must change before anything else (AD pwdLastSet=0, ppolicy pwdReset). */
  mustChange: boolean;
  passwordNeverExpires: boolean;
  /** Failed authentications counted by the directory (AD badPwdCount is per DC). */
  failureCount?: number;
  /** Failures left before lockout, when the policy says. */
  remainingFailures?: number;
  passwordChangedAt?: Date;
  passwordExpiresAt?: Date;
  secondsUntilPasswordExpiry?: number;
  lastSuccessfulLogin?: Date;
  /** DN of the policy object that governs the account. */
  policyDn?: string;
}
