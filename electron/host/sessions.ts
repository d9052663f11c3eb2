/**
 * Browser sessions of the host: an opaque id in an HttpOnly SameSite=Strict cookie, and a CSRF token the
 * page fetches once and sends back in a header. The session's client id is what the flow engine binds its
 * flow sessions to, so one browser cannot drive another's flow.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export interface BrowserSession {
  id: string;
  clientId: string;
  csrfToken: string;
  lastSeenAt: number;
}

const token = () => randomBytes(32).toString('base64url');

export class BrowserSessions {
  private readonly sessions = new Map<string, BrowserSession>();

  constructor(
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxSessions = 10_000,
  ) {}

  create(): BrowserSession {
    const session: BrowserSession = { id: token(), clientId: `web-${token().slice(0, 16)}`, csrfToken: token(), lastSeenAt: this.now() };
    this.sessions.set(session.id, session);
    if (this.sessions.size > this.maxSessions) {
      const oldest = this.sessions.keys().next();
      if (!oldest.done) this.sessions.delete(oldest.value);
    }
    return session;
  }

  /** The live session for a cookie value, touched; undefined when unknown or idle too long. */
  find(id: string | undefined): BrowserSession | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    const now = this.now();
    this.sessions.delete(id);
    if (now - session.lastSeenAt > this.idleMs) return undefined;
    session.lastSeenAt = now;
    this.sessions.set(id, session); // most recently used last
    return session;
  }

  static csrfMatches(session: BrowserSession, presented: string | undefined): boolean {
    if (!presented) return false;
    const expected = Buffer.from(session.csrfToken);
    const given = Buffer.from(presented);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function sessionCookie(name: string, value: string, secure: boolean): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
