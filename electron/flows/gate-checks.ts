/**
 * The gates' checks and their effect on the lockout gate, for enrolled users and decoys alike: both do
 * the same hashing and the same store round trips, and a decoy can never pass.
 */
import type { QuestionView } from '../../shared/flow';
import type { EnrolledAnswer, EnrollmentRecord } from '../enrollment/record';
import { openGate } from '../enrollment/record';
import { updateRecord } from '../enrollment/update';
import { verifyAnswer } from '../gates/answers/hash';
import { gateStatus, recordGateFailure, recordGateSuccess, type FailureEffect, type GateStatus } from '../gates/lockout';
import { open } from '../gates/totp/secret-box';
import { checkTotp, type TotpCheck } from '../gates/totp/totp';
import { gateStoreFor, type EngineContext } from './engine-context';
import { draw } from './questions';
import { decoySeed, type Session } from './session';

function decoyAnswers(ctx: EngineContext, typedName: string): EnrolledAnswer[] {
  const ids = ctx.decoys.questionIds(typedName, ctx.config.catalogue.map((q) => q.id), ctx.config.questions.requiredAtRegistration);
  return ctx.decoys.answers(typedName, ids, ctx.config.answerHash);
}

/** The subject's current record: re-read for enrolled users, so another kiosk's writes count. */
export async function currentRecord(ctx: EngineContext, session: Session): Promise<EnrollmentRecord | undefined> {
  const { subject } = session;
  const stored = await gateStoreFor(ctx, subject).read(subject.user);
  if (subject.kind === 'enrolled') return stored?.record;
  return { version: 1, enrolledAt: 0, answers: decoyAnswers(ctx, decoySeed(session)), gate: stored?.record.gate ?? openGate() };
}

export function statusOf(record: EnrollmentRecord | undefined, now: number): GateStatus {
  return gateStatus(record?.gate ?? openGate(), now);
}

export function drawQuestions(ctx: EngineContext, session: Session, record: EnrollmentRecord | undefined): QuestionView[] {
  const views = (record?.answers ?? [])
    .map((answer) => ctx.texts.answerView(answer, session.language))
    .filter((view): view is QuestionView => view !== undefined);
  return draw(views, ctx.config.questions.presentedAtReset, ctx.random);
}

export async function questionsCorrect(
  ctx: EngineContext,
  record: EnrollmentRecord | undefined,
  presented: readonly QuestionView[],
  submitted: ReadonlyArray<{ questionId: string; answer: string }>,
  session: Session,
): Promise<boolean> {
  const results = await Promise.all(
    presented.map(async (question) => {
      const stored = record?.answers.find((answer) => answer.questionId === question.id);
      const typed = submitted.find((answer) => answer.questionId === question.id)?.answer ?? '';
      // Hash even when nothing can match (the record changed since the draw), so every attempt costs the same.
      const hash = stored ?? ctx.decoys.answers(decoySeed(session), [question.id], ctx.config.answerHash)[0]!;
      return (await verifyAnswer(typed, hash)) && stored !== undefined;
    }),
  );
  return session.subject.kind === 'enrolled' && results.filter(Boolean).length >= ctx.config.questions.requiredCorrectAtReset;
}

export async function totpCheck(ctx: EngineContext, session: Session, record: EnrollmentRecord | undefined, code: string): Promise<TotpCheck> {
  const { subject } = session;
  const now = ctx.clock.now();
  if (subject.kind !== 'enrolled' || !record?.totp) {
    await checkTotp(ctx.decoys.totpSecret(decoySeed(session)), code, now, ctx.totp, undefined);
    return { ok: false, reason: 'wrongCode' };
  }
  const secret = open(record.totp.sealedSecret, ctx.totpKey, subject.user.dn);
  return checkTotp(secret, code, now, ctx.totp, record.totp.lastStep);
}

/** Counts one gate failure against the subject's lockout gate (never the directory's counter). */
export async function countFailure(ctx: EngineContext, session: Session): Promise<FailureEffect> {
  const { subject } = session;
  const now = ctx.clock.now();
  return updateRecord(gateStoreFor(ctx, subject), subject.user, (current) => {
    // A record removed meanwhile (help desk cleared enrollment) has no gate left to count on.
    if (!current && subject.kind === 'enrolled') return { keep: true, result: 'counted' as FailureEffect };
    const base: EnrollmentRecord = current ?? { version: 1, enrolledAt: now, answers: [], gate: openGate() };
    const { gate, effect } = recordGateFailure(base.gate, now, ctx.config.lockout);
    return { write: { ...base, gate }, result: effect };
  });
}

export type SuccessOutcome = 'recorded' | 'locked' | 'replayed' | 'gone';

/**
 * Records a passed gate atomically with the checks that must hold at that instant: the gate is still
 * open, a TOTP step is still newer than the last accepted one; on the last gate the lockout count resets.
 */
export async function recordPass(ctx: EngineContext, session: Session, options: { totpStep?: number; lastGate: boolean }): Promise<SuccessOutcome> {
  const { subject } = session;
  if (subject.kind !== 'enrolled') return 'gone';
  const now = ctx.clock.now();
  return updateRecord<SuccessOutcome>(ctx.store, subject.user, (current) => {
    if (!current) return { keep: true, result: 'gone' };
    if (gateStatus(current.gate, now).state !== 'open') return { keep: true, result: 'locked' };
    let next = current;
    if (options.totpStep !== undefined) {
      if (!current.totp || options.totpStep <= current.totp.lastStep) return { keep: true, result: 'replayed' };
      next = { ...next, totp: { ...current.totp, lastStep: options.totpStep } };
    }
    if (options.lastGate) next = { ...next, gate: recordGateSuccess(current.gate) };
    return next === current ? { keep: true, result: 'recorded' } : { write: next, result: 'recorded' };
  });
}
