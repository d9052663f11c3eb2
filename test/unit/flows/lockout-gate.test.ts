import { describe, expect, it } from 'vitest';
import { clearLockoutGate } from '../../../electron/enrollment/helpdesk-ops';
import { answersFor, enroll, kiosk, makeEngine, sessionOf, type Harness } from './harness';

const wrong = () => 'definitely wrong';

async function failOnce(h: Harness, sessionId: string, view: Awaited<ReturnType<Harness['engine']['start']>>) {
  return h.engine.answerQuestions({ sessionId, answers: answersFor(view, wrong) }, kiosk);
}

describe('lockout gate in flows', () => {
  it('locks for a time after the threshold, then permanently; only the help desk clears it', async () => {
    const h = makeEngine();
    const alice = h.directory.add('alice', 'Old-pass1');
    await enroll(h, 'alice', 'Old-pass1');
    const callsBefore = h.directory.calls.filter((c) => c === 'verifyPassword').length;

    let view = await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk);
    const sessionId = sessionOf(view);
    view = await failOnce(h, sessionId, view);
    expect(view).toMatchObject({ step: 'questions', rejected: 'wrongAnswer' });
    view = await failOnce(h, sessionId, view);
    expect(view).toMatchObject({ step: 'questions', rejected: 'wrongAnswer' });
    view = await failOnce(h, sessionId, view);
    expect(view).toEqual({ step: 'failed', reason: 'lockedOut', retryable: false });

    // Locked for 60 s: a new session is refused at once.
    h.clock.advance(59_000);
    expect(await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk)).toEqual({ step: 'failed', reason: 'lockedOut', retryable: false });
    h.clock.advance(1_000);
    view = await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk);
    expect(view.step).toBe('questions');

    // The one timed lockout allowed is used up: the next threshold locks for good.
    const second = sessionOf(view);
    for (let i = 0; i < 3; i++) view = await failOnce(h, second, view);
    expect(view).toEqual({ step: 'failed', reason: 'lockedOut', retryable: false });
    h.clock.advance(10 * 365 * 86_400_000);
    expect((await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk)).step).toBe('failed');

    expect(await clearLockoutGate(h.store, h.audit, { kioskId: 'helpdesk', operatorDn: 'uid=op' }, alice.user)).toBe('cleared');
    expect((await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk)).step).toBe('questions');

    // Gate failures never reach the directory's own bad-password counter.
    expect(h.directory.calls.filter((c) => c === 'verifyPassword').length).toBe(callsBefore);
    expect(h.audit.events.filter((e) => e.kind === 'lockout').map((e) => e.reason)).toEqual(['timedLockout', 'timedLockout', 'permanentLockout', 'permanentLockout']);
  });

  it('shares one lockout gate between two kiosks without losing a count', async () => {
    const h = makeEngine();
    h.directory.add('alice', 'Old-pass1');
    await enroll(h, 'alice', 'Old-pass1');
    const views = await Promise.all([1, 2].map((n) => h.engine.start({ flow: 'forgotPassword', username: 'alice' }, { kioskId: `k${n}`, clientId: 'c' })));
    const results = await Promise.all(
      views.map((view, n) => h.engine.answerQuestions({ sessionId: sessionOf(view), answers: answersFor(view, wrong) }, { kioskId: `k${n + 1}`, clientId: 'c' })),
    );
    expect(results.every((r) => r.rejected === 'wrongAnswer')).toBe(true);
    const stored = await h.store.read(h.directory.accounts.get('alice')!.user);
    expect(stored?.record.gate.failures).toBe(2);
  });
});
