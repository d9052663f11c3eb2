/**
 * The self-service flow contract: what the renderer may ask, and the views the main side answers with.
 * The main side decides every step; the renderer only shows the view it gets and sends what the user typed.
 */
import { z } from 'zod';

export const flowKinds = ['forgotPassword', 'unlockAccount', 'changePassword', 'enroll'] as const;
export const flowKindSchema = z.enum(flowKinds);
export type FlowKind = z.infer<typeof flowKindSchema>;

// Bounds keep hostile payloads small; real names, answers and passwords fit well inside them.
const username = z.string().trim().min(1).max(256);
const secretText = z.string().min(1).max(512);
const sessionId = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);
const questionId = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
const totpCode = z.string().regex(/^\d{6,8}$/);

export const flowRequestSchemas = {
  'flow.start': z.object({ flow: flowKindSchema, username }).strict(),
  'flow.answerQuestions': z
    .object({ sessionId, answers: z.array(z.object({ questionId, answer: secretText }).strict()).min(1).max(10) })
    .strict(),
  'flow.submitTotp': z.object({ sessionId, code: totpCode }).strict(),
  'flow.submitCurrentPassword': z.object({ sessionId, password: secretText }).strict(),
  'flow.checkNewPassword': z.object({ sessionId, candidate: z.string().max(512) }).strict(),
  'flow.submitNewPassword': z.object({ sessionId, newPassword: secretText }).strict(),
  'flow.enrollQuestions': z
    .object({
      sessionId,
      answers: z
        .array(
          z.union([
            z.object({ questionId, answer: secretText }).strict(),
            z.object({ customQuestion: z.string().trim().min(5).max(200), answer: secretText }).strict(),
          ]),
        )
        .min(1)
        .max(10),
    })
    .strict(),
  'flow.confirmTotpEnrollment': z.object({ sessionId, code: totpCode }).strict(),
  'flow.cancel': z.object({ sessionId }).strict(),
} as const;
export type FlowCall = keyof typeof flowRequestSchemas;
export type FlowRequest<C extends FlowCall> = z.infer<(typeof flowRequestSchemas)[C]>;

export interface QuestionView {
  id: string;
  text: string;
}

/** One rule of the effective policy with whether the candidate passes it (live checklist). */
export interface PolicyRuleView {
  rule: 'minLength' | 'maxLength' | 'complexity' | 'containsAccountName' | 'containsDisplayName' | 'commonPassword' | 'history';
  /** Parameters for the message, e.g. { min: 8 }. */
  params: Record<string, number>;
  /** undefined when only the server can tell (history). */
  passes?: boolean;
}

export type FlowOutcome = 'passwordReset' | 'unlocked' | 'passwordChanged' | 'enrolled';
/** Failure reasons are deliberately coarse: they must not reveal whether an account exists or is enrolled. */
export type FlowFailure = 'generic' | 'lockedOut' | 'sessionExpired' | 'policyRefused' | 'serviceUnavailable';

export type FlowView =
  | { step: 'questions'; sessionId: string; questions: QuestionView[] }
  | { step: 'totp'; sessionId: string }
  | { step: 'currentPassword'; sessionId: string }
  | { step: 'newPassword'; sessionId: string; rules: PolicyRuleView[] }
  | {
      step: 'enrollQuestions';
      sessionId: string;
      catalogue: QuestionView[];
      required: number;
      allowCustomQuestions: boolean;
      minAnswerLength: number;
    }
  /** The only view that carries the TOTP secret, once, at the step the user scans it. */
  | { step: 'enrollTotp'; sessionId: string; otpauthUri: string; qrSvg: string }
  | { step: 'done'; outcome: FlowOutcome }
  | { step: 'failed'; reason: FlowFailure; retryable: boolean };

/** Why an enrollment answer set was refused (enrollQuestions only). */
export interface AnswerRuleView {
  rule:
    | 'tooFewAnswers'
    | 'tooManyAnswers'
    | 'duplicateQuestion'
    | 'tooShort'
    | 'duplicateAnswer'
    | 'containsQuestionWords'
    | 'unknownQuestion'
    | 'customNotAllowed';
  /** Position of the offending answer in the request's `answers`, when the rule is about one answer. */
  index?: number;
  /** Parameters for the message, e.g. { min: 3 }. */
  params?: Record<string, number>;
}

/** A gate answer that was wrong keeps the same step; `rejected` tells the renderer to say so. */
export type FlowResponse = FlowView & {
  rejected?: 'wrongAnswer' | 'invalidInput' | 'policy';
  failedRules?: PolicyRuleView['rule'][];
  answerRules?: AnswerRuleView[];
};
