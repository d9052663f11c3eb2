import { describe, expect, it } from 'vitest';
import type { AnswerRuleView, FlowFailure, FlowKind, FlowOutcome, PolicyRuleView } from '../../../shared/flow';
import { flowKinds } from '../../../shared/flow';
import { allErrorMessageKeys } from '../../../shared/messages';
import { de } from '../../../renderer/src/i18n/de';
import { en } from '../../../renderer/src/i18n/en';
import { fr } from '../../../renderer/src/i18n/fr';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const english = leaves(en as unknown as Tree);

describe('message catalogues', () => {
  it.each([
    ['de', de],
    ['fr', fr],
  ])('%s has exactly the English keys, each translated, with the same placeholders', (_tag, catalogue) => {
    const translated = leaves(catalogue as unknown as Tree);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(placeholders(translated.get(key)!), key).toEqual(placeholders(text));
      expect(translated.get(key)!.trim(), key).not.toBe('');
    }
  });

  it('translates every error message key the main side may answer with', () => {
    for (const key of allErrorMessageKeys) expect(english.has(key), key).toBe(true);
  });

  it('names every flow, outcome, failure, policy rule and enrollment rule of the contract', () => {
    const outcomes: FlowOutcome[] = ['passwordReset', 'unlocked', 'passwordChanged', 'enrolled'];
    const failures: FlowFailure[] = ['generic', 'lockedOut', 'sessionExpired', 'policyRefused', 'serviceUnavailable'];
    const rules: PolicyRuleView['rule'][] = ['minLength', 'maxLength', 'complexity', 'containsAccountName', 'containsDisplayName', 'commonPassword', 'history'];
    const answerRules: AnswerRuleView['rule'][] = ['tooFewAnswers', 'tooManyAnswers', 'duplicateQuestion', 'tooShort', 'duplicateAnswer', 'containsQuestionWords', 'unknownQuestion', 'customNotAllowed'];
    const needed = [
      ...flowKinds.flatMap((f: FlowKind) => [`flowName.${f}`, `start.flows.${f}.title`, `start.flows.${f}.description`]),
      ...outcomes.flatMap((o) => [`done.${o}.title`, `done.${o}.next`]),
      ...failures.flatMap((f) => [`failed.${f}.title`, `failed.${f}.next`]),
      ...rules.map((r) => `newPassword.rules.${r}`),
      ...answerRules.map((r) => `enrollQuestions.rules.${r}`),
    ];
    for (const key of needed) expect(english.has(key), key).toBe(true);
  });
});
