/** Registering answers and an authenticator; the record replaces any earlier enrollment. */
import type { AnswerRuleView, FlowRequest, FlowResponse } from '../../shared/flow';
import type { DirectoryUser } from '../directory/user';
import { openGate, type EnrolledAnswer, type EnrolledTotp } from '../enrollment/record';
import { updateRecord } from '../enrollment/update';
import { checkAnswersForEnrollment, type AnswerToEnroll } from '../gates/answers/enrollment-rules';
import { hashAnswer } from '../gates/answers/hash';
import { recordGateSuccess } from '../gates/lockout';
import { seal } from '../gates/totp/secret-box';
import { checkTotp, newTotpSecret } from '../gates/totp/totp';
import type { EngineContext } from './engine-context';
import { isAt } from './machine';
import type { Session } from './session';
import { advance, audit, respond, type Turn } from './turn';

type Submitted = FlowRequest<'flow.enrollQuestions'>['answers'];

function toEnroll(ctx: EngineContext, session: Session & { step: { name: 'enrollQuestions' } }, submitted: Submitted) {
  const problems: AnswerRuleView[] = [];
  const answers: AnswerToEnroll[] = [];
  let customCount = 0;
  submitted.forEach((item, index) => {
    if ('customQuestion' in item) {
      if (!ctx.config.allowCustomQuestions) return void problems.push({ rule: 'customNotAllowed', index });
      answers.push({ questionId: `custom.${++customCount}`, questionText: item.customQuestion, answer: item.answer });
      return;
    }
    const offered = session.step.offered.find((q) => q.id === item.questionId);
    if (!offered) return void problems.push({ rule: 'unknownQuestion', index });
    answers.push({ questionId: item.questionId, questionText: offered.text, answer: item.answer });
  });
  const { requiredAtRegistration: required, shownAtRegistration: shown } = ctx.config.questions;
  if (submitted.length > shown) problems.push({ rule: 'tooManyAnswers', params: { max: shown } });
  const indexOf = (questionId: string) => answers.findIndex((a) => a.questionId === questionId);
  for (const violation of checkAnswersForEnrollment(answers, required, ctx.config.minAnswerLength)) {
    if (violation.rule === 'tooFewAnswers') problems.push({ rule: 'tooFewAnswers', params: { min: violation.required } });
    else if (violation.rule === 'tooShort') problems.push({ rule: 'tooShort', index: indexOf(violation.questionId), params: { min: violation.min } });
    else problems.push({ rule: violation.rule, index: indexOf(violation.questionId) });
  }
  return { answers, problems };
}

async function writeEnrollment(ctx: EngineContext, user: DirectoryUser, answers: EnrolledAnswer[], totp: EnrolledTotp | undefined): Promise<void> {
  const now = ctx.clock.now();
  await updateRecord(ctx.store, user, (current) => ({
    // Registering resets the lockout count (as in FIM) but never lifts a permanent lockout.
    write: { version: 1, enrolledAt: now, answers, ...(totp ? { totp } : {}), gate: current ? recordGateSuccess(current.gate) : openGate() },
    result: undefined,
  }));
}

async function finish(turn: Turn, session: Session, answers: EnrolledAnswer[], totp: EnrolledTotp | undefined): Promise<FlowResponse> {
  const { ctx } = turn;
  await audit(ctx, session, { kind: 'action', subject: 'enroll', outcome: 'info', reason: 'attempt' });
  await writeEnrollment(ctx, session.subject.user, answers, totp);
  await audit(ctx, session, { kind: 'action', subject: 'enroll', outcome: 'success' });
  return respond(turn, advance(turn, session, { type: 'actionSucceeded', outcome: 'enrolled' }));
}

export async function enrollQuestions(turn: Turn, session: Session, request: FlowRequest<'flow.enrollQuestions'>): Promise<FlowResponse> {
  if (!isAt(session, 'enrollQuestions') || session.subject.kind !== 'user') return respond(turn, session, { rejected: 'invalidInput' });
  const { ctx } = turn;
  const { answers, problems } = toEnroll(ctx, session, request.answers);
  if (problems.length > 0) return respond(turn, session, { rejected: 'invalidInput', answerRules: problems });
  const hashed: EnrolledAnswer[] = await Promise.all(
    answers.map(async ({ questionId, questionText, answer }) => {
      const { salt, hash, params } = await hashAnswer(answer, ctx.config.answerHash);
      return { questionId, ...(questionId.startsWith('custom.') ? { customText: questionText } : {}), salt, hash, params };
    }),
  );
  if (!ctx.config.enrollTotp) return finish(turn, advance(turn, session, { type: 'answersAccepted', answers: hashed }), hashed, undefined);
  return respond(turn, advance(turn, session, { type: 'answersAccepted', answers: hashed, totpSecret: newTotpSecret() }));
}

export async function confirmTotpEnrollment(turn: Turn, session: Session, request: FlowRequest<'flow.confirmTotpEnrollment'>): Promise<FlowResponse> {
  if (!isAt(session, 'enrollTotp')) return respond(turn, session, { rejected: 'invalidInput' });
  const { ctx } = turn;
  const { secret, answers } = session.step;
  const check = await checkTotp(secret, request.code, ctx.clock.now(), ctx.totp, undefined);
  if (!check.ok) {
    await audit(ctx, session, { kind: 'gateAttempt', subject: 'totpEnrollment', outcome: 'failure', reason: check.reason });
    const next = advance(turn, session, { type: 'totpEnrollmentRefused' });
    return respond(turn, next, isAt(next, 'enrollTotp') ? { rejected: 'wrongAnswer' } : {});
  }
  // The confirming code's step counts as used, so it cannot open a reset right after.
  const totp = { sealedSecret: seal(secret, ctx.totpKey, session.subject.user.dn), lastStep: check.step };
  return finish(turn, session, answers, totp);
}
