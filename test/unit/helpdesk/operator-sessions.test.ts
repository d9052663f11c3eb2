import { describe, expect, it } from 'vitest';
import type { DirectoryAdapter } from '../../../electron/directory/adapter';
import type { DirectoryAdministration } from '../../../electron/directory/administration';
import type { LdapConnector } from '../../../electron/directory/ldap/connection';
import { ManualClock } from '../../../electron/flows/clock';
import { inTurn, OperatorSessions, type OperatorSession } from '../../../electron/helpdesk/operator-sessions';

function session(clock: ManualClock, closed: string[], overrides: Partial<OperatorSession> = {}): OperatorSession {
  const id = OperatorSessions.newId();
  return {
    id,
    kioskId: 'desk',
    clientId: 'browser',
    operator: { dn: 'uid=op,dc=example,dc=test', accountName: 'op', memberOf: [] },
    rights: new Set(['readState']),
    directory: { close: async () => void closed.push(`adapter:${id}`) } as unknown as DirectoryAdapter,
    administration: {} as DirectoryAdministration,
    connector: { close: async () => void closed.push(`connector:${id}`) } as unknown as LdapConnector,
    startedAt: clock.now(),
    lastActivityAt: clock.now(),
    ...overrides,
  };
}

const limits = { idleTimeoutMs: 60_000, lifetimeMs: 600_000, maxSessions: 2 };

describe('operator sessions', () => {
  it('answer only the kiosk and client that signed in', async () => {
    const clock = new ManualClock();
    const sessions = new OperatorSessions(limits, clock);
    const s = session(clock, []);
    await sessions.add(s);
    expect(await sessions.take(s.id, 'desk', 'other-browser')).toBeUndefined();
    expect(await sessions.take(s.id, 'other-desk', 'browser')).toBeUndefined();
    expect((await sessions.take(s.id, 'desk', 'browser'))?.id).toBe(s.id);
  });

  it('end after the idle timeout, closing the operator bind, and each call counts as activity', async () => {
    const clock = new ManualClock();
    const closed: string[] = [];
    const sessions = new OperatorSessions(limits, clock);
    const s = session(clock, closed);
    await sessions.add(s);
    clock.advance(50_000);
    expect(await sessions.take(s.id, 'desk', 'browser')).toBeDefined();
    clock.advance(50_000);
    expect(await sessions.take(s.id, 'desk', 'browser')).toBeDefined();
    clock.advance(60_001);
    expect(await sessions.take(s.id, 'desk', 'browser')).toBeUndefined();
    expect(closed).toEqual([`adapter:${s.id}`, `connector:${s.id}`]);
    expect(sessions.size).toBe(0);
  });

  it('end after their lifetime however active', async () => {
    const clock = new ManualClock();
    const sessions = new OperatorSessions(limits, clock);
    const s = session(clock, []);
    await sessions.add(s);
    for (let i = 0; i < 13; i++) {
      clock.advance(50_000);
      await sessions.take(s.id, 'desk', 'browser');
    }
    expect(await sessions.take(s.id, 'desk', 'browser')).toBeUndefined();
  });

  it('are bounded: a full registry sweeps expired sessions first, then refuses', async () => {
    const clock = new ManualClock();
    const closed: string[] = [];
    const sessions = new OperatorSessions(limits, clock);
    const [a, b] = [session(clock, closed), session(clock, closed)];
    expect(await sessions.add(a)).toBe(true);
    expect(await sessions.add(b)).toBe(true);
    expect(await sessions.add(session(clock, closed))).toBe(false);
    clock.advance(60_001);
    expect(await sessions.add(session(clock, closed))).toBe(true);
    expect(closed).toContain(`connector:${a.id}`);
  });

  it('sign-out closes the bind at once', async () => {
    const clock = new ManualClock();
    const closed: string[] = [];
    const sessions = new OperatorSessions(limits, clock);
    const s = session(clock, closed);
    await sessions.add(s);
    await sessions.end(s.id);
    expect(closed).toEqual([`adapter:${s.id}`, `connector:${s.id}`]);
    expect(await sessions.take(s.id, 'desk', 'browser')).toBeUndefined();
  });

  it('run one call of a session at a time, even after a failed one', async () => {
    const clock = new ManualClock();
    const s = session(clock, []);
    const order: string[] = [];
    const slow = (name: string, ms: number, fail = false) => () =>
      new Promise<string>((resolve, reject) => {
        order.push(`start ${name}`);
        setTimeout(() => {
          order.push(`end ${name}`);
          if (fail) reject(new Error(name));
          else resolve(name);
        }, ms);
      });
    const results = await Promise.allSettled([inTurn(s, slow('a', 20, true)), inTurn(s, slow('b', 1)), inTurn(s, slow('c', 1))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
