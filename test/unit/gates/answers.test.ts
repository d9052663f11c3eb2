import { describe, expect, it } from 'vitest';
import { normalizeAnswer } from '../../../electron/gates/answers/normalize';
import { hashAnswer, verifyAnswer } from '../../../electron/gates/answers/hash';
import { checkAnswersForEnrollment } from '../../../electron/gates/answers/enrollment-rules';

const fastParams = { N: 1024, r: 8, p: 1, keyLength: 32 };

describe('normalizeAnswer', () => {
  it('composes accents, folds case and collapses spaces', () => {
    const decomposed = '  E\u0301mile \t  ZOLA ';
    expect(normalizeAnswer(decomposed)).toBe('émile zola');
    expect(normalizeAnswer('Émile Zola')).toBe(normalizeAnswer(decomposed));
  });

  it('folds compatibility forms such as full-width letters', () => {
    expect(normalizeAnswer('ＡＢＣ')).toBe('abc');
  });

  it('keeps distinct answers distinct', () => {
    expect(normalizeAnswer('rex')).not.toBe(normalizeAnswer('rexy'));
  });
});

describe('answer hashing', () => {
  it('accepts the same answer typed differently and refuses another', async () => {
    const stored = await hashAnswer('Émile Zola', fastParams);
    expect(await verifyAnswer('  e\u0301MILE   zola', stored)).toBe(true);
    expect(await verifyAnswer('Emile Zola', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    const a = await hashAnswer('same', fastParams);
    const b = await hashAnswer('same', fastParams);
    expect(a.salt.equals(b.salt)).toBe(false);
    expect(a.hash.equals(b.hash)).toBe(false);
  });

  it('uses the parameters stored with the hash', async () => {
    const stored = await hashAnswer('answer', { ...fastParams, N: 2048 });
    expect(stored.params.N).toBe(2048);
    expect(await verifyAnswer('answer', stored)).toBe(true);
  });
});

describe('checkAnswersForEnrollment', () => {
  const q = (questionId: string, questionText: string, answer: string) => ({ questionId, questionText, answer });

  it('accepts a good set', () => {
    expect(checkAnswersForEnrollment([q('pet', 'Name of your first pet?', 'Rex'), q('city', 'City of birth?', 'Lyon')], 2, 3)).toEqual([]);
  });

  it('refuses too few answers', () => {
    expect(checkAnswersForEnrollment([q('pet', 'Pet?', 'Rex')], 2, 3)).toContainEqual({ rule: 'tooFewAnswers', required: 2 });
  });

  it('refuses short answers after normalisation', () => {
    expect(checkAnswersForEnrollment([q('pet', 'Pet?', '  a   b ')], 1, 4)).toContainEqual({ rule: 'tooShort', questionId: 'pet', min: 4 });
  });

  it('refuses the same answer twice, however it is typed', () => {
    const violations = checkAnswersForEnrollment([q('a', 'First pet?', 'Rex Dog'), q('b', 'Favourite film?', ' rex  DOG')], 2, 3);
    expect(violations).toContainEqual({ rule: 'duplicateAnswer', questionId: 'b' });
  });

  it('refuses the same question twice', () => {
    expect(checkAnswersForEnrollment([q('a', 'Pet?', 'Rex'), q('a', 'Pet?', 'Max')], 2, 3)).toContainEqual({ rule: 'duplicateQuestion', questionId: 'a' });
  });

  it("refuses an answer containing its question's words", () => {
    const violations = checkAnswersForEnrollment([q('pet', 'Name of your first PET?', 'my pet rex')], 1, 3);
    expect(violations).toContainEqual({ rule: 'containsQuestionWords', questionId: 'pet' });
  });

  it('ignores short function words of the question', () => {
    expect(checkAnswersForEnrollment([q('born', 'Where were you born in?', 'in Paris')], 1, 3)).toEqual([]);
  });
});
