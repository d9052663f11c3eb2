/**
 * The password policy that governs one AD user: the domain object's settings, replaced as a whole by
 * the fine-grained policy (PSO) the DC names in the user's msDS-ResultantPSO. A PSO carries every
 * setting, so nothing is merged field by field.
 */
import type { Entry } from 'ldapts';
import type { EffectivePolicy } from '../password-policy';
import { first, integer } from '../password-modify/entry-values';
import { durationToSeconds } from './ad-time';

export const domainPolicyAttributes = ['minPwdLength', 'pwdProperties', 'pwdHistoryLength', 'minPwdAge', 'maxPwdAge', 'lockoutThreshold', 'lockoutDuration'];

export const psoAttributes = [
  'msDS-MinimumPasswordLength',
  'msDS-PasswordComplexityEnabled',
  'msDS-PasswordHistoryLength',
  'msDS-MinimumPasswordAge',
  'msDS-MaximumPasswordAge',
  'msDS-LockoutThreshold',
  'msDS-LockoutDuration',
];

/** DOMAIN_PASSWORD_COMPLEX in pwdProperties (MS-SAMR 2.2.1.6). */
const passwordComplexBit = 0x1;

interface PolicyFields {
  minLength: number | undefined;
  complexity: boolean;
  historyLength: number | undefined;
  minAge: string | undefined;
  maxAge: string | undefined;
  lockoutThreshold: number | undefined;
  lockoutDuration: string | undefined;
}

function toPolicy(source: string, fields: PolicyFields): EffectivePolicy {
  const maxAgeSeconds = durationToSeconds(fields.maxAge);
  const threshold = fields.lockoutThreshold ?? 0;
  // A "forever" lockout duration gives no seconds: the lock lasts until someone unlocks it.
  const lockoutDurationSeconds = durationToSeconds(fields.lockoutDuration);
  return {
    source,
    minLength: fields.minLength ?? 0,
    complexity: fields.complexity,
    historyLength: fields.historyLength ?? 0,
    minAgeSeconds: durationToSeconds(fields.minAge) ?? 0,
    ...(maxAgeSeconds !== undefined ? { maxAgeSeconds } : {}),
    ...(threshold > 0 ? { lockoutThreshold: threshold } : {}),
    ...(threshold > 0 && lockoutDurationSeconds !== undefined ? { lockoutDurationSeconds } : {}),
    // AD has no "must change after reset" policy: Sesame's reset option decides.
    mustChangeAfterReset: false,
    rejectCommonPasswords: false,
  };
}

export function policyFromDomain(entry: Entry): EffectivePolicy {
  return toPolicy(entry.dn, {
    minLength: integer(entry, 'minPwdLength'),
    complexity: ((integer(entry, 'pwdProperties') ?? 0) & passwordComplexBit) !== 0,
    historyLength: integer(entry, 'pwdHistoryLength'),
    minAge: first(entry, 'minPwdAge'),
    maxAge: first(entry, 'maxPwdAge'),
    lockoutThreshold: integer(entry, 'lockoutThreshold'),
    lockoutDuration: first(entry, 'lockoutDuration'),
  });
}

/** Undefined when the PSO's settings are not readable (the service account lacks read on it). */
export function policyFromPso(entry: Entry): EffectivePolicy | undefined {
  const minLength = integer(entry, 'msDS-MinimumPasswordLength');
  const complexity = first(entry, 'msDS-PasswordComplexityEnabled');
  if (minLength === undefined || complexity === undefined) return undefined;
  return toPolicy(entry.dn, {
    minLength,
    complexity: complexity.toUpperCase() === 'TRUE',
    historyLength: integer(entry, 'msDS-PasswordHistoryLength'),
    minAge: first(entry, 'msDS-MinimumPasswordAge'),
    maxAge: first(entry, 'msDS-MaximumPasswordAge'),
    lockoutThreshold: integer(entry, 'msDS-LockoutThreshold'),
    lockoutDuration: first(entry, 'msDS-LockoutDuration'),
  });
}
