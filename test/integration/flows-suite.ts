/**
 * The gates-and-flows integration suite, run against each real directory: the engine, the real adapter and
 * the LDAP enrollment store, with a clock that starts at real time (so TOTP codes are real) and moves by hand.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { FlowResponse } from '../../shared/flow';
import { MemoryAuditLog } from '../../electron/audit/file-audit-log';
import type { DirectoryAdapter } from '../../electron/directory/adapter';
import { clearLockoutGate } from '../../electron/enrollment/helpdesk-ops';
import type { EnrollmentStore } from '../../electron/enrollment/store';
import { ManualClock } from '../../electron/flows/clock';
import { flowConfigSchema, type FlowConfigInput } from '../../electron/flows/config';
import { createFlowEngine, type FlowEngine } from '../../electron/flows/engine';
import { answersById, answersFor, catalogue, codeAt, secretFromUri, sessionOf } from '../unit/flows/harness';

export interface DirectoryFixture {
  adapter: DirectoryAdapter;
  /** A store on its own service connection, as a separate kiosk would have. */
  newStore(): EnrollmentStore;
  createUser(): Promise<{ name: string; dn: string; password: string }>;
  /** Binds as the user (wrong passwords count toward the directory's lockout). */
  canBind(dn: string, password: string): Promise<boolean>;
  /** The directory's own lockout threshold. */
  lockoutThreshold: number;
  /**
   * Whether a simple bind with the previous password fails right after a reset. Samba keeps accepting it
   * for its "old password allowed period" (60 minutes by default), as Windows does for NTLM.
   */
  oldPasswordRefusedAtOnce: boolean;
  close(): Promise<void>;
}

const kiosk = { kioskId: 'kiosk-a', clientId: 'client-a' };
const keys = { totpSecretKey: randomBytes(32).toString('base64'), decoyKey: randomBytes(32).toString('base64') };

export function flowsConfig(overrides: Partial<FlowConfigInput> = {}) {
  return flowConfigSchema.parse({
    catalogue,
    questions: { shownAtRegistration: 6, requiredAtRegistration: 3, presentedAtReset: 2, requiredCorrectAtReset: 2 },
    answerHash: { N: 4096, r: 8, p: 1, keyLength: 32 },
    lockout: { failuresBeforeLockout: 3, lockoutDurationsSeconds: [60], timedLockoutsBeforePermanent: 1, failureWindowSeconds: 3600 },
    keys,
    minResponseMs: 0,
    ...overrides,
  });
}

/** Enrolls through the real enroll flow: three catalogue answers and the authenticator; returns its secret. */
export async function enrollThrough(engine: FlowEngine, name: string, password: string, now: () => number): Promise<string> {
  const sessionId = sessionOf(await engine.start({ flow: 'enroll', username: name }, kiosk));
  const offered = await engine.submitCurrentPassword({ sessionId, password }, kiosk);
  if (offered.step !== 'enrollQuestions') throw new Error(`enroll: ${JSON.stringify(offered)}`);
  const answers = offered.catalogue.slice(0, 3).map((q) => ({ questionId: q.id, answer: answersById[q.id]! }));
  const totp = await engine.enrollQuestions({ sessionId, answers }, kiosk);
  if (totp.step !== 'enrollTotp') throw new Error(`enroll: ${JSON.stringify(totp)}`);
  const secret = secretFromUri(totp.otpauthUri);
  expect(await engine.confirmTotpEnrollment({ sessionId, code: await codeAt(secret, now()) }, kiosk)).toEqual({ step: 'done', outcome: 'enrolled' });
  return secret;
}

export function describeFlows(directoryName: string, makeFixture: () => DirectoryFixture): void {
  describe(`flows on ${directoryName}`, () => {
    const fixture = makeFixture();
    const clock = new ManualClock(Date.now());
    const stores: EnrollmentStore[] = [];
    afterAll(() => fixture.close());

    function kioskEngine(overrides: Partial<FlowConfigInput> = {}) {
      const store = fixture.newStore();
      stores.push(store);
      const audit = new MemoryAuditLog();
      return { engine: createFlowEngine({ directory: fixture.adapter, store, audit, config: flowsConfig(overrides), clock }), store, audit };
    }

    const enroll = (engine: FlowEngine, name: string, password: string) => enrollThrough(engine, name, password, () => clock.now());

    it('enrolls, then resets the password through questions and TOTP', async () => {
      const { engine } = kioskEngine();
      const user = await fixture.createUser();
      const secret = await enroll(engine, user.name, user.password);
      clock.advance(30_000);
      const questions = await engine.start({ flow: 'forgotPassword', username: user.name }, kiosk);
      const sessionId = sessionOf(questions);
      expect((await engine.answerQuestions({ sessionId, answers: answersFor(questions) }, kiosk)).step).toBe('totp');
      expect((await engine.submitTotp({ sessionId, code: await codeAt(secret, clock.now()) }, kiosk)).step).toBe('newPassword');
      const newPassword = `Nw-${randomBytes(8).toString('base64url')}`;
      expect(await engine.submitNewPassword({ sessionId, newPassword }, kiosk)).toEqual({ step: 'done', outcome: 'passwordReset' });
      expect(await fixture.canBind(user.dn, newPassword)).toBe(true);
      if (fixture.oldPasswordRefusedAtOnce) expect(await fixture.canBind(user.dn, user.password)).toBe(false);
    });

    it('unlocks an account locked by bad binds after the gates', async () => {
      const { engine } = kioskEngine({ gates: { forgotPassword: ['questions', 'totp'], unlockAccount: ['questions'] } });
      const user = await fixture.createUser();
      await enroll(engine, user.name, user.password);
      for (let i = 0; i < fixture.lockoutThreshold; i++) await fixture.canBind(user.dn, 'Wrong-password-1');
      const resolved = await fixture.adapter.resolveUser(user.name);
      expect((await fixture.adapter.getAccountState(resolved)).locked).toBe(true);
      expect(await fixture.canBind(user.dn, user.password)).toBe(false);
      const questions = await engine.start({ flow: 'unlockAccount', username: user.name }, kiosk);
      expect(await engine.answerQuestions({ sessionId: sessionOf(questions), answers: answersFor(questions) }, kiosk)).toEqual({ step: 'done', outcome: 'unlocked' });
      expect((await fixture.adapter.getAccountState(resolved)).locked).toBe(false);
      expect(await fixture.canBind(user.dn, user.password)).toBe(true);
    });

    it('changes the password of an account that must change it, proving the current one', async () => {
      const { engine } = kioskEngine();
      const user = await fixture.createUser();
      const resolved = await fixture.adapter.resolveUser(user.name);
      await fixture.adapter.setMustChange(resolved, true);
      expect((await fixture.adapter.getAccountState(resolved)).mustChange).toBe(true);
      const sessionId = sessionOf(await engine.start({ flow: 'changePassword', username: user.name }, kiosk));
      expect(await engine.submitCurrentPassword({ sessionId, password: 'Not-the-password-1' }, kiosk)).toMatchObject({ step: 'currentPassword', rejected: 'wrongAnswer' });
      expect((await engine.submitCurrentPassword({ sessionId, password: user.password }, kiosk)).step).toBe('newPassword');
      const newPassword = `Ch-${randomBytes(8).toString('base64url')}`;
      expect(await engine.submitNewPassword({ sessionId, newPassword }, kiosk)).toEqual({ step: 'done', outcome: 'passwordChanged' });
      expect(await fixture.canBind(user.dn, newPassword)).toBe(true);
      expect((await fixture.adapter.getAccountState(resolved)).mustChange).toBe(false);
    });

    it('two kiosks share one lockout gate and lose no count under concurrent failures', async () => {
      const lockout = { failuresBeforeLockout: 50, lockoutDurationsSeconds: [60], timedLockoutsBeforePermanent: 1, failureWindowSeconds: 3600 };
      const kioskA = kioskEngine({ lockout });
      const kioskB = kioskEngine({ lockout });
      const user = await fixture.createUser();
      await enroll(kioskA.engine, user.name, user.password);
      const sessions = await Promise.all(
        [kioskA, kioskB, kioskA, kioskB, kioskA, kioskB].map(async (k, n) => {
          const context = { kioskId: n % 2 ? 'kiosk-b' : 'kiosk-a', clientId: `client-${n}` };
          return { k, context, view: await k.engine.start({ flow: 'forgotPassword', username: user.name }, context) };
        }),
      );
      const results = await Promise.all(
        sessions.map(({ k, context, view }) => k.engine.answerQuestions({ sessionId: sessionOf(view), answers: answersFor(view, () => 'wrong answer') }, context)),
      );
      expect(results.map((r) => r.rejected)).toEqual(Array(6).fill('wrongAnswer'));
      const stored = await kioskB.store.read(await fixture.adapter.resolveUser(user.name));
      expect(stored?.record.gate.failures).toBe(6);
    });

    it('store: a swap against a stale value is refused atomically, and nothing is lost', async () => {
      const { engine } = kioskEngine();
      const user = await fixture.createUser();
      await enroll(engine, user.name, user.password);
      const resolved = await fixture.adapter.resolveUser(user.name);
      const [storeA, storeB] = [fixture.newStore(), fixture.newStore()];
      const seenByA = await storeA.read(resolved);
      const seenByB = await storeB.read(resolved);
      if (!seenByA || !seenByB) throw new Error('enrollment not stored');
      expect(seenByA.rawValue).toMatch(/^v1:[A-Za-z0-9_-]+$/);
      const bump = (failures: number) => ({ ...seenByA.record, gate: { ...seenByA.record.gate, failures } });
      expect(await storeA.compareAndSwap(resolved, seenByA.rawValue, bump(1))).toBe(true);
      expect(await storeB.compareAndSwap(resolved, seenByB.rawValue, bump(7))).toBe(false);
      expect((await storeB.read(resolved))?.record.gate.failures).toBe(1);
      // Creating when a record already exists is a lost race too.
      expect(await storeB.compareAndSwap(resolved, undefined, bump(9))).toBe(false);
    });

    it('refuses a replayed TOTP code, within a session and across kiosks', async () => {
      const gates = { forgotPassword: ['totp' as const], unlockAccount: ['totp' as const] };
      const kioskA = kioskEngine({ gates });
      const kioskB = kioskEngine({ gates });
      const user = await fixture.createUser();
      const secret = await enroll(kioskA.engine, user.name, user.password);
      const confirmationCode = await codeAt(secret, clock.now());
      const a = sessionOf(await kioskA.engine.start({ flow: 'unlockAccount', username: user.name }, kiosk));
      expect(await kioskA.engine.submitTotp({ sessionId: a, code: confirmationCode }, kiosk)).toMatchObject({ step: 'totp', rejected: 'wrongAnswer' });
      clock.advance(30_000);
      const fresh = await codeAt(secret, clock.now());
      expect(await kioskA.engine.submitTotp({ sessionId: a, code: fresh }, kiosk)).toEqual({ step: 'done', outcome: 'unlocked' });
      const b = sessionOf(await kioskB.engine.start({ flow: 'unlockAccount', username: user.name }, kiosk));
      expect(await kioskB.engine.submitTotp({ sessionId: b, code: fresh }, kiosk)).toMatchObject({ step: 'totp', rejected: 'wrongAnswer' });
    });

    it('accepts a correct answer typed with other case, composed accents and extra spaces', async () => {
      const { engine } = kioskEngine({ gates: { forgotPassword: ['questions'], unlockAccount: ['questions'] } });
      const user = await fixture.createUser();
      await enroll(engine, user.name, user.password);
      const questions = await engine.start({ flow: 'unlockAccount', username: user.name }, kiosk);
      const sloppy = (answer: string) => `   ${answer.normalize('NFD').toUpperCase().split(' ').join('    ')}  `;
      expect(await engine.answerQuestions({ sessionId: sessionOf(questions), answers: answersFor(questions, sloppy) }, kiosk)).toEqual({ step: 'done', outcome: 'unlocked' });
    });

    it('locks permanently, and only the help-desk operation clears it', async () => {
      const lockout = { failuresBeforeLockout: 2, lockoutDurationsSeconds: [60], timedLockoutsBeforePermanent: 0, failureWindowSeconds: 3600 };
      const { engine, store, audit } = kioskEngine({ lockout, gates: { forgotPassword: ['questions'], unlockAccount: ['questions'] } });
      const user = await fixture.createUser();
      await enroll(engine, user.name, user.password);
      let view: FlowResponse = await engine.start({ flow: 'forgotPassword', username: user.name }, kiosk);
      const sessionId = sessionOf(view);
      for (let i = 0; i < 2; i++) view = await engine.answerQuestions({ sessionId, answers: answersFor(view, () => 'wrong answer') }, kiosk);
      expect(view).toEqual({ step: 'failed', reason: 'lockedOut', retryable: false });
      clock.advance(365 * 86_400_000);
      expect(await engine.start({ flow: 'forgotPassword', username: user.name }, kiosk)).toEqual({ step: 'failed', reason: 'lockedOut', retryable: false });
      // A successful enrollment (the user knows the password) does not lift it either.
      await enroll(engine, user.name, user.password);
      expect((await engine.start({ flow: 'forgotPassword', username: user.name }, kiosk)).step).toBe('failed');
      const resolved = await fixture.adapter.resolveUser(user.name);
      expect(await clearLockoutGate(store, audit, { kioskId: 'helpdesk-1', operatorDn: 'cn=operator' }, resolved)).toBe('cleared');
      expect((await engine.start({ flow: 'forgotPassword', username: user.name }, kiosk)).step).toBe('questions');
    });
  });
}
