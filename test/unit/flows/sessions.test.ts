import { describe, expect, it } from 'vitest';
import { enroll, kiosk, makeEngine, sessionOf } from './harness';

const expired = { step: 'failed', reason: 'sessionExpired', retryable: true };

describe('sessions', () => {
  it('expire after the idle timeout', async () => {
    const h = makeEngine();
    h.directory.add('alice', 'Old-pass1');
    const start = await h.engine.start({ flow: 'changePassword', username: 'alice' }, kiosk);
    const sessionId = sessionOf(start);
    h.clock.advance(119_000);
    expect(await h.engine.submitCurrentPassword({ sessionId, password: 'wrong-one' }, kiosk)).toMatchObject({ step: 'currentPassword', rejected: 'wrongAnswer' });
    // Activity resets the idle clock.
    h.clock.advance(119_000);
    expect((await h.engine.submitCurrentPassword({ sessionId, password: 'wrong-two' }, kiosk)).step).toBe('currentPassword');
    h.clock.advance(120_000);
    expect(await h.engine.submitCurrentPassword({ sessionId, password: 'Old-pass1' }, kiosk)).toEqual(expired);
    expect(h.audit.events.at(-1)).toMatchObject({ kind: 'failure', reason: 'sessionExpired', sessionId });
  });

  it('expire at the end of their lifetime however active', async () => {
    const h = makeEngine();
    h.directory.add('alice', 'Old-pass1');
    const start = await h.engine.start({ flow: 'changePassword', username: 'alice' }, kiosk);
    const sessionId = sessionOf(start);
    for (let t = 0; t < 5; t++) {
      h.clock.advance(100_000);
      // Out of order (no new-password step yet), but still activity from the owner.
      expect(await h.engine.checkNewPassword({ sessionId, candidate: 'x' }, kiosk)).toMatchObject({ step: 'currentPassword', rejected: 'invalidInput' });
    }
    h.clock.advance(100_000);
    expect(await h.engine.submitCurrentPassword({ sessionId, password: 'Old-pass1' }, kiosk)).toEqual(expired);
  });

  it('answer only the kiosk and client that started them', async () => {
    const h = makeEngine();
    h.directory.add('alice', 'Old-pass1');
    const sessionId = sessionOf(await h.engine.start({ flow: 'changePassword', username: 'alice' }, kiosk));
    expect(await h.engine.submitCurrentPassword({ sessionId, password: 'Old-pass1' }, { kioskId: 'kiosk-2', clientId: 'client-1' })).toEqual(expired);
    expect(await h.engine.submitCurrentPassword({ sessionId, password: 'Old-pass1' }, { kioskId: 'kiosk-1', clientId: 'other' })).toEqual(expired);
    expect((await h.engine.submitCurrentPassword({ sessionId, password: 'Old-pass1' }, kiosk)).step).toBe('newPassword');
  });

  it('end when done, cancelled or failed, and cannot be reused', async () => {
    const h = makeEngine();
    h.directory.add('alice', 'Old-pass1');
    await enroll(h, 'alice', 'Old-pass1');
    const sessionId = sessionOf(await h.engine.start({ flow: 'changePassword', username: 'alice' }, kiosk));
    expect(await h.engine.cancel({ sessionId }, kiosk)).toEqual({ step: 'failed', reason: 'generic', retryable: true });
    expect(await h.engine.submitCurrentPassword({ sessionId, password: 'Old-pass1' }, kiosk)).toEqual(expired);
    expect(await h.engine.submitCurrentPassword({ sessionId: 'not-a-session-id-at-all', password: 'Old-pass1' }, kiosk)).toEqual(expired);
  });

  it('sweeps expired sessions and audits them', async () => {
    const h = makeEngine();
    h.directory.add('alice', 'Old-pass1');
    const sessionId = sessionOf(await h.engine.start({ flow: 'changePassword', username: 'alice' }, kiosk));
    h.clock.advance(121_000);
    h.engine.sweep();
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.audit.events.at(-1)).toMatchObject({ kind: 'failure', reason: 'sessionExpired', sessionId });
  });

  it('answer serviceUnavailable when the directory is down, without creating a session', async () => {
    const h = makeEngine();
    h.directory.unavailable = true;
    expect(await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk)).toEqual({ step: 'failed', reason: 'serviceUnavailable', retryable: true });
  });

  it('refuse new starts beyond the session limit until old ones expire', async () => {
    const h = makeEngine({ maxSessions: 2 });
    h.directory.add('alice', 'Old-pass1');
    for (let i = 0; i < 2; i++) expect((await h.engine.start({ flow: 'changePassword', username: 'alice' }, kiosk)).step).toBe('currentPassword');
    expect(await h.engine.start({ flow: 'changePassword', username: 'alice' }, kiosk)).toEqual({ step: 'failed', reason: 'serviceUnavailable', retryable: true });
    h.clock.advance(121_000);
    expect((await h.engine.start({ flow: 'changePassword', username: 'alice' }, kiosk)).step).toBe('currentPassword');
  });

  it('dispatch by call name', async () => {
    const h = makeEngine();
    h.directory.add('alice', 'Old-pass1');
    const start = await h.engine.handle('flow.start', { flow: 'changePassword', username: 'alice' }, kiosk);
    expect(start.step).toBe('currentPassword');
    expect((await h.engine.handle('flow.submitCurrentPassword', { sessionId: sessionOf(start), password: 'Old-pass1' }, kiosk)).step).toBe('newPassword');
  });
});
