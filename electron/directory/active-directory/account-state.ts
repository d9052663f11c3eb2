/**
 * Account state from an AD user entry. The DC computes the hard parts: lockout (which honours the
 * lockout duration) and password expiry (which honours the PSO) in msDS-User-Account-Control-Computed
 * and msDS-UserPasswordExpiryTimeComputed; userAccountControl's own lockout bit is never current.
 */
import type { Entry } from 'ldapts';
import type { AccountState } from '../account-state';
import type { EffectivePolicy } from '../password-policy';
import { first, integer } from '../password-modify/entry-values';
import { fileTimeToDate } from './ad-time';
import { accountFlags, hasFlag } from './user-account-control';

export const stateAttributes = [
  'userAccountControl',
  'msDS-User-Account-Control-Computed',
  'pwdLastSet',
  'msDS-UserPasswordExpiryTimeComputed',
  'accountExpires',
  'lockoutTime',
  'badPwdCount',
  'lastLogonTimestamp',
  'lastLogon',
  'msDS-ResultantPSO',
];

export function isDisabled(entry: Entry): boolean {
  return hasFlag(integer(entry, 'userAccountControl'), accountFlags.disabled);
}

/** accountExpires as a date; undefined when the account never expires. */
export function accountExpiry(entry: Entry): Date | undefined {
  return fileTimeToDate(first(entry, 'accountExpires'));
}

function latest(...dates: (Date | undefined)[]): Date | undefined {
  const known = dates.filter((date): date is Date => date !== undefined);
  return known.length === 0 ? undefined : new Date(Math.max(...known.map((date) => date.getTime())));
}

export function accountStateFromEntry(entry: Entry, policy: EffectivePolicy, now = new Date()): AccountState {
  const control = integer(entry, 'userAccountControl');
  const computed = integer(entry, 'msDS-User-Account-Control-Computed');
  const disabled = hasFlag(control, accountFlags.disabled);
  const locked = hasFlag(computed, accountFlags.lockedOut);
  const lockedAt = fileTimeToDate(first(entry, 'lockoutTime'));
  const duration = policy.lockoutDurationSeconds;
  const lockedUntil = locked && lockedAt && duration !== undefined ? new Date(lockedAt.getTime() + duration * 1000) : undefined;
  const validUntil = accountExpiry(entry);
  const accountExpired = validUntil !== undefined && validUntil <= now;
  // pwdLastSet 0 is "must change at next logon"; the DC then also flags the password as expired.
  const mustChange = first(entry, 'pwdLastSet') === '0';
  const passwordExpired = !mustChange && hasFlag(computed, accountFlags.passwordExpired);
  const passwordNeverExpires = hasFlag(control, accountFlags.passwordNeverExpires);
  const passwordChangedAt = fileTimeToDate(first(entry, 'pwdLastSet'));
  const passwordExpiresAt = passwordNeverExpires ? undefined : fileTimeToDate(first(entry, 'msDS-UserPasswordExpiryTimeComputed'));
  const failureCount = integer(entry, 'badPwdCount');
  const threshold = policy.lockoutThreshold;
  // lastLogon is this DC's own record; lastLogonTimestamp is replicated but up to two weeks stale.
  const lastSuccessfulLogin = latest(fileTimeToDate(first(entry, 'lastLogon')), fileTimeToDate(first(entry, 'lastLogonTimestamp')));
  return {
    usable: !disabled && !locked && !accountExpired && !passwordExpired && !mustChange,
    disabled,
    locked,
    ...(lockedUntil ? { lockedUntil } : {}),
    accountExpired,
    ...(validUntil ? { validUntil } : {}),
    passwordExpired,
    mustChange,
    passwordNeverExpires,
    ...(failureCount !== undefined ? { failureCount } : {}),
    ...(failureCount !== undefined && threshold !== undefined ? { remainingFailures: Math.max(0, threshold - failureCount) } : {}),
    ...(passwordChangedAt ? { passwordChangedAt } : {}),
    ...(passwordExpiresAt ? { passwordExpiresAt, secondsUntilPasswordExpiry: Math.floor((passwordExpiresAt.getTime() - now.getTime()) / 1000) } : {}),
    ...(lastSuccessfulLogin ? { lastSuccessfulLogin } : {}),
    policyDn: first(entry, 'msDS-ResultantPSO') ?? policy.source,
  };
}
