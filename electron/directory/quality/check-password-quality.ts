/**
 * A local quality check of a candidate password against a user's effective policy, after PingDS's
 * password quality advice: every rule of the policy, each with whether the candidate passes it.
 *
 * Advice only: the directory stays the final judge. It alone knows the history, and it may count
 * differently (slapd's pwdMinLength counts UTF-8 bytes, AD counts UTF-16 units; this counts code points,
 * the characters a user sees), so a candidate that passes here can still be refused on submit.
 * Pure apart from reading the shipped common-password list once.
 */
import type { PolicyRule } from '../errors';
import type { EffectivePolicy } from '../password-policy';
import type { DirectoryUser } from '../user';
import { characterClassesOf, complexityClassesRequired } from './character-classes';
import { isCommonPassword, loadCommonPasswords } from './common-passwords';
import { containsAccountName, containsDisplayNameToken } from './name-tokens';

/** The rules a candidate can be checked against (minimum age and the server's own checks cannot). */
export type QualityRule = Exclude<PolicyRule, 'minAge' | 'quality'>;

export interface QualityRuleResult {
  rule: QualityRule;
  /** Parameters for the message, e.g. { min: 8 }. */
  params: Record<string, number>;
  /** undefined when only the server can tell (history). */
  passes?: boolean;
}

export interface QualityReport {
  /** Every rule of the policy, in checklist order. */
  rules: QualityRuleResult[];
  /** Rules the candidate fails locally. */
  failedRules: QualityRule[];
  /** No locally checkable rule fails; the server may still refuse. */
  passesLocally: boolean;
}

export interface QualityCheckOptions {
  /** The common-password list; defaults to the shipped one. */
  commonPasswords?: ReadonlySet<string>;
}

export function checkPasswordQuality(candidate: string, policy: EffectivePolicy, user: DirectoryUser, options: QualityCheckOptions = {}): QualityReport {
  const length = [...candidate].length;
  const rules: QualityRuleResult[] = [];
  if (policy.minLength > 0) rules.push({ rule: 'minLength', params: { min: policy.minLength }, passes: length >= policy.minLength });
  if (policy.maxLength !== undefined) rules.push({ rule: 'maxLength', params: { max: policy.maxLength }, passes: length <= policy.maxLength });
  if (policy.complexity) {
    const found = characterClassesOf(candidate).size;
    rules.push({ rule: 'complexity', params: { classes: complexityClassesRequired, found }, passes: found >= complexityClassesRequired });
    // On AD the name checks are part of the complexity rule, not separate settings.
    rules.push({ rule: 'containsAccountName', params: {}, passes: !containsAccountName(candidate, user.accountName) });
    rules.push({ rule: 'containsDisplayName', params: {}, passes: !containsDisplayNameToken(candidate, user.displayName) });
  }
  if (policy.rejectCommonPasswords) {
    const list = options.commonPasswords ?? loadCommonPasswords();
    rules.push({ rule: 'commonPassword', params: {}, passes: !isCommonPassword(candidate, list) });
  }
  if (policy.historyLength > 0) rules.push({ rule: 'history', params: { count: policy.historyLength } });
  const failedRules = rules.filter((result) => result.passes === false).map((result) => result.rule);
  return { rules, failedRules, passesLocally: failedRules.length === 0 };
}
