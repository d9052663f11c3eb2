/**
 * The flow state machine: a pure reducer over the session's step with named guards. The engine performs
 * the effects (hashing, directory calls) and feeds their outcome back as events; only this reducer moves
 * a session from one step to the next, so no step can be skipped or replayed.
 */
import type { FlowFailure, FlowOutcome, QuestionView } from '../../shared/flow';
import type { EnrolledAnswer } from '../enrollment/record';
import type { Session, Step, StepName } from './session';

export type FlowEvent =
  | { type: 'gatePassed'; gateIndex: number; firstQuestions?: QuestionView[] }
  | { type: 'gateFailed'; gateIndex: number; redrawn?: QuestionView[] }
  | { type: 'lockedOut' }
  | { type: 'currentPasswordProven'; password?: string; offered?: QuestionView[] }
  | { type: 'currentPasswordRefused' }
  | { type: 'answersAccepted'; answers: EnrolledAnswer[]; totpSecret?: string }
  | { type: 'totpEnrollmentRefused' }
  | { type: 'actionSucceeded'; outcome: FlowOutcome }
  | { type: 'fail'; reason: FlowFailure; retryable?: boolean };

export interface Timeouts {
  sessionLifetimeMs: number;
  idleTimeoutMs: number;
}

// ---- named guards ----

export const isTerminal = (session: Session): boolean => session.step.name === 'done' || session.step.name === 'failed';

export const isAlive = (session: Session, now: number, timeouts: Timeouts): boolean =>
  now - session.startedAt < timeouts.sessionLifetimeMs && now - session.lastActivityAt < timeouts.idleTimeoutMs;

export const isBoundTo = (session: Session, kioskId: string, clientId: string): boolean =>
  session.kioskId === kioskId && session.clientId === clientId;

export const isAt = <N extends StepName>(session: Session, name: N): session is Session & { step: Extract<Step, { name: N }> } =>
  session.step.name === name;

export const allGatesPassed = (session: Session): boolean =>
  session.gates.every((_, index) => session.passedGates.includes(index));

/** A gate event is only taken for the gate the session is at now, and only once. */
const isCurrentGate = (session: Session, gateIndex: number): boolean =>
  (session.step.name === 'questions' || session.step.name === 'totp') &&
  session.step.gateIndex === gateIndex &&
  !session.passedGates.includes(gateIndex);

// ---- transitions ----

function stepForGate(session: Session, gateIndex: number, questions: QuestionView[] | undefined): Step {
  const gate = session.gates[gateIndex];
  if (gate === 'questions') return { name: 'questions', gateIndex, presented: questions ?? [] };
  return { name: 'totp', gateIndex };
}

function stepAfterGates(session: Session): Step {
  if (session.flow === 'forgotPassword') return { name: 'newPassword' };
  return { name: 'acting' };
}

export class IllegalTransition extends Error {
  override readonly name = 'IllegalTransition';
}

function illegal(session: Session, event: FlowEvent): never {
  throw new IllegalTransition(`${event.type} not allowed at ${session.step.name} of ${session.flow}`);
}

export function transition(session: Session, event: FlowEvent, now: number): Session {
  const at = (step: Step, extra: Partial<Session> = {}): Session => ({ ...session, ...extra, step, lastActivityAt: now });
  if (isTerminal(session)) illegal(session, event);
  switch (event.type) {
    case 'gatePassed': {
      if (!isCurrentGate(session, event.gateIndex)) illegal(session, event);
      const passedGates = [...session.passedGates, event.gateIndex];
      const next = event.gateIndex + 1;
      const advanced = { ...session, passedGates };
      return at(next < session.gates.length ? stepForGate(advanced, next, event.firstQuestions) : stepAfterGates(advanced), { passedGates });
    }
    case 'gateFailed': {
      if (!isCurrentGate(session, event.gateIndex)) illegal(session, event);
      if (session.step.name === 'questions') return at({ ...session.step, presented: event.redrawn ?? session.step.presented });
      return at(session.step);
    }
    case 'lockedOut':
      return at({ name: 'failed', reason: 'lockedOut', retryable: false });
    case 'currentPasswordProven': {
      if (!isAt(session, 'currentPassword')) illegal(session, event);
      if (session.flow === 'changePassword') {
        return at({ name: 'newPassword' }, event.password === undefined ? {} : { currentPassword: event.password });
      }
      if (session.flow === 'enroll') return at({ name: 'enrollQuestions', offered: event.offered ?? [] });
      return illegal(session, event);
    }
    case 'currentPasswordRefused': {
      if (!isAt(session, 'currentPassword')) illegal(session, event);
      const attemptsLeft = session.step.attemptsLeft - 1;
      return attemptsLeft > 0 ? at({ name: 'currentPassword', attemptsLeft }) : at({ name: 'failed', reason: 'generic', retryable: true });
    }
    case 'answersAccepted': {
      if (!isAt(session, 'enrollQuestions')) illegal(session, event);
      if (event.totpSecret === undefined) return at({ name: 'acting' });
      return at({ name: 'enrollTotp', answers: event.answers, secret: event.totpSecret, attemptsLeft: 5 });
    }
    case 'totpEnrollmentRefused': {
      if (!isAt(session, 'enrollTotp')) illegal(session, event);
      const attemptsLeft = session.step.attemptsLeft - 1;
      return attemptsLeft > 0 ? at({ ...session.step, attemptsLeft }) : at({ name: 'failed', reason: 'generic', retryable: true });
    }
    case 'actionSucceeded': {
      const gatedFlow = session.flow === 'forgotPassword' || session.flow === 'unlockAccount';
      if (gatedFlow && !allGatesPassed(session)) illegal(session, event);
      if (!isAt(session, 'newPassword') && !isAt(session, 'acting') && !isAt(session, 'enrollTotp')) illegal(session, event);
      const { currentPassword: _dropped, ...rest } = session;
      return { ...rest, step: { name: 'done', outcome: event.outcome }, lastActivityAt: now };
    }
    case 'fail': {
      const { currentPassword: _dropped, ...rest } = session;
      return { ...rest, step: { name: 'failed', reason: event.reason, retryable: event.retryable ?? true }, lastActivityAt: now };
    }
  }
}
