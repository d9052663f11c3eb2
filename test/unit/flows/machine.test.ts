import { describe, expect, it } from 'vitest';
import { IllegalTransition, allGatesPassed, isAlive, isBoundTo, transition } from '../../../electron/flows/machine';
import type { Session } from '../../../electron/flows/session';

const user = { dn: 'uid=alice,dc=test', accountName: 'alice', memberOf: [] };
const record = { version: 1 as const, enrolledAt: 0, answers: [], gate: { failures: 0, timedLockouts: 0, permanentlyLocked: false } };
const q = [{ id: 'pet', text: 'Pet?' }];

function session(overrides: Partial<Session> = {}): Session {
  return {
    id: 'session-0123456789abcdef',
    flow: 'forgotPassword',
    kioskId: 'k',
    clientId: 'c',
    typedName: 'alice',
    language: 'en',
    subject: { kind: 'enrolled', user, record, directoryLocked: false },
    startedAt: 0,
    lastActivityAt: 0,
    gates: ['questions', 'totp'],
    passedGates: [],
    step: { name: 'questions', gateIndex: 0, presented: q },
    ...overrides,
  };
}

describe('flow machine', () => {
  it('walks the gates in order, then asks for the new password', () => {
    let s = transition(session(), { type: 'gatePassed', gateIndex: 0 }, 5);
    expect(s.step).toEqual({ name: 'totp', gateIndex: 1 });
    expect(s.lastActivityAt).toBe(5);
    s = transition(s, { type: 'gatePassed', gateIndex: 1 }, 6);
    expect(s.step).toEqual({ name: 'newPassword' });
    expect(allGatesPassed(s)).toBe(true);
    expect(transition(s, { type: 'actionSucceeded', outcome: 'passwordReset' }, 7).step).toEqual({ name: 'done', outcome: 'passwordReset' });
  });

  it('goes straight to the action after the gates of unlockAccount', () => {
    const s = transition(session({ flow: 'unlockAccount', gates: ['questions'] }), { type: 'gatePassed', gateIndex: 0 }, 1);
    expect(s.step).toEqual({ name: 'acting' });
  });

  it('refuses a gate out of order, a gate passed twice, and an action before the gates', () => {
    expect(() => transition(session(), { type: 'gatePassed', gateIndex: 1 }, 1)).toThrow(IllegalTransition);
    const passed = transition(session(), { type: 'gatePassed', gateIndex: 0 }, 1);
    expect(() => transition(passed, { type: 'gatePassed', gateIndex: 0 }, 2)).toThrow(IllegalTransition);
    expect(() => transition(session({ step: { name: 'newPassword' } }), { type: 'actionSucceeded', outcome: 'passwordReset' }, 1)).toThrow(IllegalTransition);
  });

  it('keeps the step and redraws questions on a failed gate', () => {
    const redrawn = [{ id: 'city', text: 'City?' }];
    const s = transition(session(), { type: 'gateFailed', gateIndex: 0, redrawn }, 1);
    expect(s.step).toEqual({ name: 'questions', gateIndex: 0, presented: redrawn });
    expect(s.passedGates).toEqual([]);
  });

  it('locks out, and nothing moves a finished session', () => {
    const locked = transition(session(), { type: 'lockedOut' }, 1);
    expect(locked.step).toEqual({ name: 'failed', reason: 'lockedOut', retryable: false });
    expect(() => transition(locked, { type: 'gatePassed', gateIndex: 0 }, 2)).toThrow(IllegalTransition);
  });

  it('holds the current password only until the change, and counts refusals', () => {
    let s = session({ flow: 'changePassword', gates: [], step: { name: 'currentPassword', attemptsLeft: 2 } });
    s = transition(s, { type: 'currentPasswordRefused' }, 1);
    expect(s.step).toEqual({ name: 'currentPassword', attemptsLeft: 1 });
    const proven = transition(s, { type: 'currentPasswordProven', password: 'Old-pass1' }, 2);
    expect(proven.currentPassword).toBe('Old-pass1');
    const done = transition(proven, { type: 'actionSucceeded', outcome: 'passwordChanged' }, 3);
    expect(done.currentPassword).toBeUndefined();
    expect(transition(s, { type: 'currentPasswordRefused' }, 2).step).toEqual({ name: 'failed', reason: 'generic', retryable: true });
  });

  it('enroll: proof, then questions, then the authenticator', () => {
    let s = session({ flow: 'enroll', gates: [], subject: { kind: 'user', user }, step: { name: 'currentPassword', attemptsLeft: 3 } });
    s = transition(s, { type: 'currentPasswordProven', offered: q }, 1);
    expect(s.step).toEqual({ name: 'enrollQuestions', offered: q });
    s = transition(s, { type: 'answersAccepted', answers: [], totpSecret: 'SECRET' }, 2);
    expect(s.step).toMatchObject({ name: 'enrollTotp', secret: 'SECRET', attemptsLeft: 5 });
    expect(transition(s, { type: 'actionSucceeded', outcome: 'enrolled' }, 3).step).toEqual({ name: 'done', outcome: 'enrolled' });
  });

  it('guards: alive within lifetime and idle timeout, bound to kiosk and client', () => {
    const timeouts = { sessionLifetimeMs: 1000, idleTimeoutMs: 100 };
    expect(isAlive(session({ startedAt: 0, lastActivityAt: 950 }), 999, timeouts)).toBe(true);
    expect(isAlive(session({ startedAt: 0, lastActivityAt: 950 }), 1000, timeouts)).toBe(false);
    expect(isAlive(session({ startedAt: 0, lastActivityAt: 0 }), 100, timeouts)).toBe(false);
    expect(isBoundTo(session(), 'k', 'c')).toBe(true);
    expect(isBoundTo(session(), 'k', 'x')).toBe(false);
  });
});
