/** A flow session: bound to one user (or decoy) and one kiosk, with its current step as a discriminated union. */
import type { FlowFailure, FlowKind, FlowOutcome, QuestionView } from '../../shared/flow';
import type { EffectivePolicy } from '../directory/password-policy';
import type { DirectoryUser } from '../directory/user';
import type { EnrolledAnswer, EnrollmentRecord } from '../enrollment/record';
import type { GateKind } from './config';

/**
 * Who the session is about. A decoy stands in for anyone who must not be told apart from an enrolled
 * user (unknown, unenrolled, out of scope, disabled): it walks the same steps and can never pass a gate.
 */
export type Subject =
  | { kind: 'enrolled'; user: DirectoryUser; record: EnrollmentRecord; directoryLocked: boolean }
  | { kind: 'user'; user: DirectoryUser }
  | { kind: 'decoy'; user: DirectoryUser; why: string; /** The real entry, when one exists but cannot be served. */ knownDn?: string };

export type Step =
  | { name: 'questions'; gateIndex: number; presented: QuestionView[] }
  | { name: 'totp'; gateIndex: number }
  | { name: 'currentPassword'; attemptsLeft: number }
  | { name: 'newPassword' }
  | { name: 'enrollQuestions'; offered: QuestionView[] }
  | { name: 'enrollTotp'; answers: EnrolledAnswer[]; secret: string; attemptsLeft: number }
  /** Every gate passed; the engine runs the flow's action (unlock) without further input. */
  | { name: 'acting' }
  | { name: 'done'; outcome: FlowOutcome }
  | { name: 'failed'; reason: FlowFailure; retryable: boolean };

export type StepName = Step['name'];

export interface Session {
  id: string;
  flow: FlowKind;
  kioskId: string;
  clientId: string;
  typedName: string;
  language: string;
  subject: Subject;
  startedAt: number;
  lastActivityAt: number;
  /** The gates this flow asks for, in order. */
  gates: readonly GateKind[];
  /** Gates passed in this session, by index: each success counts once and only for this session. */
  passedGates: readonly number[];
  /** Held only between the proof and the change of a changePassword flow. */
  currentPassword?: string;
  /** The user's effective policy, read once for the new-password checklist. */
  policy?: EffectivePolicy;
  step: Step;
}

/** The name to audit: the DN once resolved, otherwise what was typed (never the decoy's pseudo-DN). */
export function auditName(session: Session): string {
  return session.subject.kind === 'decoy' ? (session.subject.knownDn ?? session.typedName) : session.subject.user.dn;
}

/**
 * What a decoy's questions, hashes, TOTP secret and lockout are derived from: the known entry's DN when
 * there is one, so every name that entry answers to (uid, mail, UPN) behaves as one account, as an
 * enrolled user's names do; otherwise the typed name.
 */
export function decoySeed(session: Pick<Session, 'subject' | 'typedName'>): string {
  return session.subject.kind === 'decoy' ? (session.subject.knownDn ?? session.typedName) : session.typedName;
}
