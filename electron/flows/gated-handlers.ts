/** The gates of forgotPassword and unlockAccount, and the unlock action that follows them. */
import type { FlowRequest, FlowResponse } from '../../shared/flow';
import { countFailure, currentRecord, drawQuestions, questionsCorrect, recordPass, statusOf, totpCheck } from './gate-checks';
import { advance, audit, respond, type Turn } from './turn';
import type { Session } from './session';
import { isAt } from './machine';

async function lockedOut(turn: Turn, session: Session, reason: string): Promise<FlowResponse> {
  await audit(turn.ctx, session, { kind: 'lockout', outcome: 'failure', reason });
  return respond(turn, advance(turn, session, { type: 'lockedOut' }));
}

/** First view of a gated flow: the first gate, unless the lockout gate is closed. */
export async function enterGates(turn: Turn, session: Session): Promise<FlowResponse> {
  const record = await currentRecord(turn.ctx, session);
  const status = statusOf(record, turn.ctx.clock.now());
  if (status.state !== 'open') return lockedOut(turn, session, status.state);
  if (session.gates[0] === 'questions' && isAt(session, 'questions')) {
    session = turn.registry.save({ ...session, step: { ...session.step, presented: drawQuestions(turn.ctx, session, record) } });
  }
  return respond(turn, session);
}

async function gateFailed(turn: Turn, session: Session, gate: string, reason: string, gateIndex: number): Promise<FlowResponse> {
  const { ctx } = turn;
  await audit(ctx, session, { kind: 'gateAttempt', subject: gate, outcome: 'failure', reason });
  const effect = await countFailure(ctx, session);
  if (effect !== 'counted') return lockedOut(turn, session, effect);
  const redrawn = gate === 'questions' ? drawQuestions(ctx, session, await currentRecord(ctx, session)) : undefined;
  return respond(turn, advance(turn, session, { type: 'gateFailed', gateIndex, ...(redrawn ? { redrawn } : {}) }), { rejected: 'wrongAnswer' });
}

async function gatePassed(turn: Turn, session: Session, gate: string, gateIndex: number, totpStep?: number): Promise<FlowResponse> {
  const { ctx } = turn;
  const lastGate = gateIndex === session.gates.length - 1;
  const outcome = await recordPass(ctx, session, { lastGate, ...(totpStep === undefined ? {} : { totpStep }) });
  if (outcome === 'locked') return lockedOut(turn, session, 'lockedMeanwhile');
  if (outcome !== 'recorded') return gateFailed(turn, session, gate, outcome, gateIndex);
  await audit(ctx, session, { kind: 'gateAttempt', subject: gate, outcome: 'success' });
  const nextIsQuestions = session.gates[gateIndex + 1] === 'questions';
  const firstQuestions = nextIsQuestions ? drawQuestions(ctx, session, await currentRecord(ctx, session)) : undefined;
  const next = advance(turn, session, { type: 'gatePassed', gateIndex, ...(firstQuestions ? { firstQuestions } : {}) });
  if (isAt(next, 'acting')) return runUnlock(turn, next);
  return respond(turn, next);
}

/** Re-checks the lockout gate at the moment of the attempt: another kiosk may have closed it. */
async function openRecord(turn: Turn, session: Session) {
  const record = await currentRecord(turn.ctx, session);
  const status = statusOf(record, turn.ctx.clock.now());
  return { record, closed: status.state !== 'open' ? status.state : undefined };
}

export async function answerQuestions(turn: Turn, session: Session, request: FlowRequest<'flow.answerQuestions'>): Promise<FlowResponse> {
  if (!isAt(session, 'questions')) return respond(turn, session, { rejected: 'invalidInput' });
  const { gateIndex, presented } = session.step;
  const { record, closed } = await openRecord(turn, session);
  if (closed) return lockedOut(turn, session, closed);
  const correct = await questionsCorrect(turn.ctx, record, presented, request.answers, session);
  if (!correct) return gateFailed(turn, session, 'questions', 'wrongAnswers', gateIndex);
  return gatePassed(turn, session, 'questions', gateIndex);
}

export async function submitTotp(turn: Turn, session: Session, request: FlowRequest<'flow.submitTotp'>): Promise<FlowResponse> {
  if (!isAt(session, 'totp')) return respond(turn, session, { rejected: 'invalidInput' });
  const { gateIndex } = session.step;
  const { record, closed } = await openRecord(turn, session);
  if (closed) return lockedOut(turn, session, closed);
  const check = await totpCheck(turn.ctx, session, record, request.code);
  if (!check.ok) return gateFailed(turn, session, 'totp', check.reason, gateIndex);
  return gatePassed(turn, session, 'totp', gateIndex, check.step);
}

async function runUnlock(turn: Turn, session: Session): Promise<FlowResponse> {
  const { ctx } = turn;
  if (session.subject.kind !== 'enrolled') return respond(turn, advance(turn, session, { type: 'fail', reason: 'generic' }));
  await audit(ctx, session, { kind: 'action', subject: 'unlock', outcome: 'info', reason: 'attempt' });
  await ctx.directory.unlock(session.subject.user);
  await audit(ctx, session, { kind: 'action', subject: 'unlock', outcome: 'success' });
  return respond(turn, advance(turn, session, { type: 'actionSucceeded', outcome: 'unlocked' }));
}
