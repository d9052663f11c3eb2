/**
 * The live checklist for a new password: each rule of the user's effective policy and whether the
 * candidate passes it. The directory still decides; this only helps the user before they submit.
 */
import type { PolicyRuleView } from '../../shared/flow';
import type { EffectivePolicy } from '../directory/password-policy';
import type { DirectoryUser } from '../directory/user';

const minimumTokenLength = 3;

function characterClasses(candidate: string): number {
  const classes = [/\p{Lu}/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u];
  return classes.filter((pattern) => pattern.test(candidate)).length;
}

// AD's rule: the account name (if 3+ characters) and each display-name token of 3+ characters,
// split on its delimiters, must not appear in the password, case-insensitively.
const displayNameDelimiters = /[,.\-_#\s\t]+/u;

function containsAccountName(candidate: string, user: DirectoryUser): boolean {
  const name = user.accountName.toLowerCase();
  return name.length >= minimumTokenLength && candidate.toLowerCase().includes(name);
}

function containsDisplayName(candidate: string, user: DirectoryUser): boolean {
  const tokens = (user.displayName ?? '').split(displayNameDelimiters).filter((t) => t.length >= minimumTokenLength);
  return tokens.some((token) => candidate.toLowerCase().includes(token.toLowerCase()));
}

export function evaluatePolicy(policy: EffectivePolicy, user: DirectoryUser, candidate: string): PolicyRuleView[] {
  const length = [...candidate].length;
  const rules: PolicyRuleView[] = [{ rule: 'minLength', params: { min: policy.minLength }, passes: length >= policy.minLength }];
  if (policy.maxLength !== undefined) rules.push({ rule: 'maxLength', params: { max: policy.maxLength }, passes: length <= policy.maxLength });
  if (policy.complexity) {
    rules.push({ rule: 'complexity', params: { classes: 3 }, passes: characterClasses(candidate) >= 3 });
    rules.push({ rule: 'containsAccountName', params: {}, passes: !containsAccountName(candidate, user) });
    if (user.displayName) rules.push({ rule: 'containsDisplayName', params: {}, passes: !containsDisplayName(candidate, user) });
  }
  // Only the server knows the history.
  if (policy.historyLength > 0) rules.push({ rule: 'history', params: { count: policy.historyLength } });
  return rules;
}

export function failedRules(rules: readonly PolicyRuleView[]): PolicyRuleView['rule'][] {
  return rules.filter((rule) => rule.passes === false).map((rule) => rule.rule);
}
