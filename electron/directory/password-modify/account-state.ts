/**
 * Account state from the ppolicy operational attributes of a user entry (draft-behera section 5.3).
 * A permanent lock (pwdAccountLockedTime 000001010000Z) is how an administrator disables an account.
 */
import type { Entry } from 'ldapts';
import type { AccountState } from '../account-state';
import type { EffectivePolicy } from '../password-policy';
import { bool, first, values } from './entry-values';
import { parseGeneralizedTime, permanentLockTime } from './generalized-time';

export const stateAttributes = [
  'pwdAccountLockedTime',
  'pwdFailureTime',
  'pwdChangedTime',
  'pwdReset',
  'pwdStartTime',
  'pwdEndTime',
  'pwdLastSuccess',
  'pwdPolicySubentry',
];

export function isPermanentlyLocked(entry: Entry): boolean {
  return first(entry, 'pwdAccountLockedTime') === permanentLockTime;
}

function lockState(entry: Entry, policy: EffectivePolicy, now: Date): { locked: boolean; lockedUntil?: Date } {
  const lockedText = first(entry, 'pwdAccountLockedTime');
  if (lockedText === undefined || lockedText === permanentLockTime) return { locked: false };
  const lockedAt = parseGeneralizedTime(lockedText);
  const duration = policy.lockoutDurationSeconds ?? 0;
  // Duration 0 means "until an administrator unlocks"; otherwise slapd lets the lock lapse by itself.
  if (!lockedAt || duration === 0) return { locked: true };
  const lockedUntil = new Date(lockedAt.getTime() + duration * 1000);
  return lockedUntil > now ? { locked: true, lockedUntil } : { locked: false };
}

export function accountStateFromEntry(entry: Entry, policy: EffectivePolicy, now = new Date()): AccountState {
  const disabled = isPermanentlyLocked(entry);
  const { locked, lockedUntil } = lockState(entry, policy, now);
  const startTime = parseGeneralizedTime(first(entry, 'pwdStartTime') ?? '');
  const validUntil = parseGeneralizedTime(first(entry, 'pwdEndTime') ?? '');
  const accountExpired = (validUntil !== undefined && validUntil <= now) || (startTime !== undefined && startTime > now);
  const passwordChangedAt = parseGeneralizedTime(first(entry, 'pwdChangedTime') ?? '');
  const maxAge = policy.maxAgeSeconds;
  // Without pwdChangedTime (entries loaded by slapadd) slapd never expires the password.
  const passwordExpiresAt = maxAge && passwordChangedAt ? new Date(passwordChangedAt.getTime() + maxAge * 1000) : undefined;
  const passwordExpired = passwordExpiresAt !== undefined && passwordExpiresAt <= now;
  // slapd honours pwdReset only when the policy has pwdMustChange.
  const mustChange = policy.mustChangeAfterReset && (bool(entry, 'pwdReset') ?? false);
  const failureCount = values(entry, 'pwdFailureTime').length;
  const lastSuccess = parseGeneralizedTime(first(entry, 'pwdLastSuccess') ?? '');
  const policyDn = first(entry, 'pwdPolicySubentry') ?? (policy.source === 'none' ? undefined : policy.source);
  return {
    usable: !disabled && !locked && !accountExpired && !passwordExpired && !mustChange,
    disabled,
    locked,
    ...(lockedUntil ? { lockedUntil } : {}),
    accountExpired,
    ...(validUntil ? { validUntil } : {}),
    passwordExpired,
    mustChange,
    passwordNeverExpires: !maxAge,
    failureCount,
    ...(policy.lockoutThreshold ? { remainingFailures: Math.max(0, policy.lockoutThreshold - failureCount) } : {}),
    ...(passwordChangedAt ? { passwordChangedAt } : {}),
    ...(passwordExpiresAt ? { passwordExpiresAt, secondsUntilPasswordExpiry: Math.max(0, Math.floor((passwordExpiresAt.getTime() - now.getTime()) / 1000)) } : {}),
    ...(lastSuccess ? { lastSuccessfulLogin: lastSuccess } : {}),
    ...(policyDn ? { policyDn } : {}),
  };
}
