/** Rules an answer set must meet at enrollment. Returns rule violations, never the answers themselves. */
import { normalizeAnswer, normalizedWords } from './normalize';

export interface AnswerToEnroll {
  questionId: string;
  questionText: string;
  answer: string;
}

export type AnswerRuleViolation =
  | { rule: 'tooFewAnswers'; required: number }
  | { rule: 'duplicateQuestion'; questionId: string }
  | { rule: 'tooShort'; questionId: string; min: number }
  | { rule: 'duplicateAnswer'; questionId: string }
  | { rule: 'containsQuestionWords'; questionId: string };

// Short function words would make the rule refuse honest answers ("in Paris" for "Where were you born?").
const minimumSignificantWordLength = 3;

export function checkAnswersForEnrollment(answers: readonly AnswerToEnroll[], required: number, minLength: number): AnswerRuleViolation[] {
  const violations: AnswerRuleViolation[] = [];
  if (answers.length < required) violations.push({ rule: 'tooFewAnswers', required });
  const seenQuestions = new Set<string>();
  const seenAnswers = new Set<string>();
  for (const { questionId, questionText, answer } of answers) {
    if (seenQuestions.has(questionId)) violations.push({ rule: 'duplicateQuestion', questionId });
    seenQuestions.add(questionId);
    const normal = normalizeAnswer(answer);
    if ([...normal].length < minLength) violations.push({ rule: 'tooShort', questionId, min: minLength });
    if (seenAnswers.has(normal)) violations.push({ rule: 'duplicateAnswer', questionId });
    seenAnswers.add(normal);
    const answerWords = new Set(normalizedWords(answer));
    const questionWords = normalizedWords(questionText).filter((word) => [...word].length >= minimumSignificantWordLength);
    if (questionWords.some((word) => answerWords.has(word))) violations.push({ rule: 'containsQuestionWords', questionId });
  }
  return violations;
}
