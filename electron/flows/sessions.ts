/** Live sessions, each answering only to the kiosk and client that started it, until it ends or times out. */
import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';
import { isAlive, isBoundTo, isTerminal, type Timeouts } from './machine';
import type { Session } from './session';

export type Taken = { session: Session } | { expired: Session | undefined };

export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly timeouts: Timeouts,
    private readonly clock: Clock,
  ) {}

  static newId(): string {
    return randomBytes(24).toString('base64url');
  }

  /** The session if it exists, is bound to this caller and is alive; an expired one is dropped. */
  take(id: string, kioskId: string, clientId: string): Taken {
    const session = this.sessions.get(id);
    // Another kiosk's or client's session is answered exactly like a missing one.
    if (!session || !isBoundTo(session, kioskId, clientId)) return { expired: undefined };
    if (!isAlive(session, this.clock.now(), this.timeouts)) {
      this.sessions.delete(id);
      return { expired: session };
    }
    // Any call from its owner is activity, whether or not it moves the session on.
    const touched = { ...session, lastActivityAt: this.clock.now() };
    this.sessions.set(id, touched);
    return { session: touched };
  }

  /** Stores the new state; a finished session is forgotten, so nothing in it can be used again. */
  save(session: Session): Session {
    if (isTerminal(session)) this.sessions.delete(session.id);
    else this.sessions.set(session.id, session);
    return session;
  }

  end(id: string): void {
    this.sessions.delete(id);
  }

  sweep(): Session[] {
    const now = this.clock.now();
    const expired = [...this.sessions.values()].filter((session) => !isAlive(session, now, this.timeouts));
    expired.forEach((session) => this.sessions.delete(session.id));
    return expired;
  }

  get size(): number {
    return this.sessions.size;
  }
}
