/**
 * Live help-desk sessions. Each holds the directory adapter and administration bound with the operator's
 * own credentials (the password lives only inside that connector) and answers only to the kiosk and
 * client that signed in; idle or too old, it is closed and its bind dropped.
 */
import { randomBytes } from 'node:crypto';
import type { QuestionView } from '../../shared/flow';
import type { VerificationMethod } from '../../shared/helpdesk';
import type { DirectoryAdapter } from '../directory/adapter';
import type { DirectoryAdministration } from '../directory/administration';
import type { LdapConnector } from '../directory/ldap/connection';
import type { DirectoryUser } from '../directory/user';
import type { Clock } from '../flows/clock';
import type { HelpdeskRight } from './rights';

export interface CallerVerification {
  /** Lower-cased DN of the verified caller. */
  userKey: string;
  method: VerificationMethod;
  expiresAt: number;
}

export interface PendingChallenge {
  userKey: string;
  method: VerificationMethod;
  /** The questions read out to the caller (answers method). */
  questions: QuestionView[];
}

export interface OperatorSession {
  id: string;
  kioskId: string;
  clientId: string;
  operator: DirectoryUser;
  rights: ReadonlySet<HelpdeskRight>;
  directory: DirectoryAdapter;
  administration: DirectoryAdministration;
  connector: LdapConnector;
  startedAt: number;
  lastActivityAt: number;
  /** One caller at a time: verifying or challenging another caller replaces it. */
  verification?: CallerVerification;
  challenge?: PendingChallenge;
  /** The call in progress: calls of one session run one after another (a double submit cannot interleave). */
  turn?: Promise<void>;
}

/** Runs `work` after the session's previous call has finished. */
export function inTurn<T>(session: OperatorSession, work: () => Promise<T>): Promise<T> {
  const run = (session.turn ?? Promise.resolve()).then(work);
  session.turn = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

export interface OperatorSessionLimits {
  idleTimeoutMs: number;
  lifetimeMs: number;
  maxSessions: number;
}

export const userKey = (dn: string): string => dn.trim().toLowerCase();

async function close(session: OperatorSession): Promise<void> {
  await session.directory.close().catch(() => undefined);
  await session.connector.close().catch(() => undefined);
}

export class OperatorSessions {
  private readonly sessions = new Map<string, OperatorSession>();

  constructor(
    private readonly limits: OperatorSessionLimits,
    private readonly clock: Clock,
  ) {}

  static newId(): string {
    return randomBytes(24).toString('base64url');
  }

  private alive(session: OperatorSession, now: number): boolean {
    return now - session.lastActivityAt <= this.limits.idleTimeoutMs && now - session.startedAt <= this.limits.lifetimeMs;
  }

  /** False when full even after dropping expired sessions. */
  async add(session: OperatorSession): Promise<boolean> {
    if (this.sessions.size >= this.limits.maxSessions) await this.sweep();
    if (this.sessions.size >= this.limits.maxSessions) return false;
    this.sessions.set(session.id, session);
    return true;
  }

  /** The live session bound to this caller, touched; another client's session is answered like a missing one. */
  async take(id: string, kioskId: string, clientId: string): Promise<OperatorSession | undefined> {
    const session = this.sessions.get(id);
    if (!session || session.kioskId !== kioskId || session.clientId !== clientId) return undefined;
    const now = this.clock.now();
    if (!this.alive(session, now)) {
      await this.end(id);
      return undefined;
    }
    session.lastActivityAt = now;
    return session;
  }

  async end(id: string): Promise<void> {
    const session = this.sessions.get(id);
    this.sessions.delete(id);
    if (session) await close(session);
  }

  async sweep(): Promise<number> {
    const now = this.clock.now();
    const expired = [...this.sessions.values()].filter((session) => !this.alive(session, now));
    await Promise.all(expired.map((session) => this.end(session.id)));
    return expired.length;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.end(id)));
  }

  get size(): number {
    return this.sessions.size;
  }
}
