/**
 * The ppolicy entry (draft-behera pwdPolicy) that governs a user, as Sesame's EffectivePolicy. The
 * entry's pwdPolicySubentry wins; otherwise the configured default (slapd's olcPPolicyDefault, which the
 * service account cannot read from cn=config).
 */
import type { Entry } from 'ldapts';
import type { EffectivePolicy } from '../password-policy';
import { bool, first, integer } from './entry-values';

export const policyAttributes = [
  'pwdMinLength',
  'pwdMaxLength',
  'pwdInHistory',
  'pwdMinAge',
  'pwdMaxAge',
  'pwdMaxFailure',
  'pwdLockout',
  'pwdLockoutDuration',
  'pwdMustChange',
  'pwdCheckQuality',
];

export function policyFromEntry(entry: Entry): EffectivePolicy {
  const maxAge = integer(entry, 'pwdMaxAge') ?? 0;
  const maxLength = integer(entry, 'pwdMaxLength') ?? 0;
  const lockout = bool(entry, 'pwdLockout') ?? false;
  const maxFailure = integer(entry, 'pwdMaxFailure') ?? 0;
  return {
    source: entry.dn,
    minLength: integer(entry, 'pwdMinLength') ?? 0,
    ...(maxLength > 0 ? { maxLength } : {}),
    // Debian ships no quality-checker module: ppolicy checks length only, never character classes.
    complexity: false,
    historyLength: integer(entry, 'pwdInHistory') ?? 0,
    minAgeSeconds: integer(entry, 'pwdMinAge') ?? 0,
    ...(maxAge > 0 ? { maxAgeSeconds: maxAge } : {}),
    ...(lockout && maxFailure > 0 ? { lockoutThreshold: maxFailure } : {}),
    ...(lockout ? { lockoutDurationSeconds: integer(entry, 'pwdLockoutDuration') ?? 0 } : {}),
    mustChangeAfterReset: bool(entry, 'pwdMustChange') ?? false,
    rejectCommonPasswords: false,
  };
}

/** When no policy entry is known the server enforces nothing Sesame can describe. */
export function noPolicy(): EffectivePolicy {
  return {
    source: 'none',
    minLength: 0,
    complexity: false,
    historyLength: 0,
    minAgeSeconds: 0,
    mustChangeAfterReset: false,
    rejectCommonPasswords: false,
  };
}

export function policyDnFor(userEntry: Entry, defaultPolicyDn: string | undefined): string | undefined {
  return first(userEntry, 'pwdPolicySubentry') ?? defaultPolicyDn;
}
