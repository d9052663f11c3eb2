import { describe, expect, it } from 'vitest';
import { evaluatePolicy, failedRules } from '../../../electron/flows/policy-rules';
import type { EffectivePolicy } from '../../../electron/directory/password-policy';

const policy: EffectivePolicy = { source: 'test', minLength: 8, maxLength: 20, complexity: true, historyLength: 5, minAgeSeconds: 0, mustChangeAfterReset: false, rejectCommonPasswords: false };
const user = { dn: 'cn=jd', accountName: 'jdoe', displayName: 'Jane-Marie Smith', memberOf: [] };

describe('new password checklist', () => {
  it('reports each rule with whether the candidate passes', () => {
    expect(evaluatePolicy(policy, user, 'Abcdefg1')).toEqual([
      { rule: 'minLength', params: { min: 8 }, passes: true },
      { rule: 'maxLength', params: { max: 20 }, passes: true },
      { rule: 'complexity', params: { classes: 3 }, passes: true },
      { rule: 'containsAccountName', params: {}, passes: true },
      { rule: 'containsDisplayName', params: {}, passes: true },
      { rule: 'history', params: { count: 5 } },
    ]);
  });

  it('names the failing rules, leaving history to the server', () => {
    expect(failedRules(evaluatePolicy(policy, user, 'short'))).toEqual(['minLength', 'complexity']);
    expect(failedRules(evaluatePolicy(policy, user, 'xxJDOE-2024'))).toEqual(['containsAccountName']);
    expect(failedRules(evaluatePolicy(policy, user, 'Marie!2024x'))).toEqual(['containsDisplayName']);
    expect(failedRules(evaluatePolicy(policy, user, 'Aa1!'.repeat(6)))).toEqual(['maxLength']);
  });

  it('counts characters, not UTF-16 units, and omits complexity rules when the policy has none', () => {
    const simple = { ...policy, complexity: false, maxLength: undefined, historyLength: 0 };
    expect(evaluatePolicy(simple, user, 'pàsswȏrd😀')).toEqual([{ rule: 'minLength', params: { min: 8 }, passes: true }]);
    expect(failedRules(evaluatePolicy(simple, user, '😀😀😀😀😀😀😀'))).toEqual(['minLength']);
  });
});
