/**
 * The enrollment record kept on the user's directory entry: answer hashes, the sealed TOTP secret,
 * the last accepted time step and the lockout gate state. Times are epoch milliseconds.
 */
import type { AnswerHashParams } from '../gates/answers/hash-params';

export interface EnrolledAnswer {
  questionId: string;
  /** Only for user-written questions; catalogue questions are looked up by id (and so stay localisable). */
  customText?: string;
  salt: Buffer;
  hash: Buffer;
  params: AnswerHashParams;
}

export interface EnrolledTotp {
  /** AES-256-GCM sealed base32 secret. */
  sealedSecret: string;
  /** Last accepted time step; a code for this step or an earlier one is refused (RFC 6238 section 5.2). */
  lastStep: number;
}

export interface LockoutGateState {
  /** Gate failures counted in the current window. */
  failures: number;
  /** When the first failure of the current window happened. */
  windowStartedAt?: number;
  /** Timed lockouts served since the last success. */
  timedLockouts: number;
  lockedUntil?: number;
  /** Only the help desk clears it. */
  permanentlyLocked: boolean;
}

export interface EnrollmentRecord {
  version: 1;
  enrolledAt: number;
  answers: EnrolledAnswer[];
  totp?: EnrolledTotp;
  gate: LockoutGateState;
}

export const openGate = (): LockoutGateState => ({ failures: 0, timedLockouts: 0, permanentlyLocked: false });
