import { describe, expect, it } from 'vitest';
import { BrowserSessions, readCookie, sessionCookie } from '../../../electron/host/sessions';

describe('browser sessions', () => {
  it('finds a live session and forgets it after the idle time', () => {
    let now = 0;
    const sessions = new BrowserSessions(1000, () => now);
    const session = sessions.create();
    now = 900;
    expect(sessions.find(session.id)).toBe(session);
    now = 1800; // activity at 900 kept it alive
    expect(sessions.find(session.id)).toBe(session);
    now = 2801;
    expect(sessions.find(session.id)).toBeUndefined();
    expect(sessions.find(session.id)).toBeUndefined();
  });

  it('makes unguessable, distinct ids, client ids and CSRF tokens', () => {
    const sessions = new BrowserSessions(1000);
    const [a, b] = [sessions.create(), sessions.create()];
    expect(new Set([a.id, b.id, a.csrfToken, b.csrfToken]).size).toBe(4);
    expect(a.clientId).not.toBe(b.clientId);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('compares CSRF tokens exactly', () => {
    const session = new BrowserSessions(1000).create();
    expect(BrowserSessions.csrfMatches(session, session.csrfToken)).toBe(true);
    expect(BrowserSessions.csrfMatches(session, session.csrfToken.slice(1))).toBe(false);
    expect(BrowserSessions.csrfMatches(session, undefined)).toBe(false);
  });

  it('evicts the least recently used session beyond the maximum', () => {
    const sessions = new BrowserSessions(10_000, () => 0, 2);
    const [a, b] = [sessions.create(), sessions.create()];
    sessions.find(a.id);
    sessions.create();
    expect(sessions.find(b.id)).toBeUndefined();
    expect(sessions.find(a.id)).toBe(a);
  });

  it('reads its cookie among others and writes the attributes', () => {
    expect(readCookie('x=1; sesame=abc; y=2', 'sesame')).toBe('abc');
    expect(readCookie('notsesame=abc', 'sesame')).toBeUndefined();
    expect(sessionCookie('sesame', 'v', false)).toBe('sesame=v; Path=/; HttpOnly; SameSite=Strict');
    expect(sessionCookie('__Host-sesame', 'v', true)).toBe('__Host-sesame=v; Path=/; HttpOnly; SameSite=Strict; Secure');
  });
});
