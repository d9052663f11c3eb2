import { describe, expect, it } from 'vitest';
import { answersFor, codeAt, enroll, kiosk, makeEngine, sessionOf } from './harness';

describe('forgotPassword', () => {
  it('enrolls, then passes questions and TOTP, then resets and unlocks a locked account', async () => {
    const h = makeEngine();
    const account = h.directory.add('alice', 'Old-pass1');
    const secret = await enroll(h, 'alice', 'Old-pass1');
    account.locked = true;
    h.clock.advance(30_000);

    const questions = await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk);
    expect(questions.step).toBe('questions');
    const sessionId = sessionOf(questions);
    if (questions.step === 'questions') expect(questions.questions).toHaveLength(2);
    const totp = await h.engine.answerQuestions({ sessionId, answers: answersFor(questions) }, kiosk);
    expect(totp).toEqual({ step: 'totp', sessionId });
    const newPassword = await h.engine.submitTotp({ sessionId, code: await codeAt(secret, h.clock.now()) }, kiosk);
    expect(newPassword.step).toBe('newPassword');

    const checklist = await h.engine.checkNewPassword({ sessionId, candidate: 'short' }, kiosk);
    expect(checklist.step === 'newPassword' && checklist.rules.find((r) => r.rule === 'minLength')).toEqual({ rule: 'minLength', params: { min: 8 }, passes: false });
    const refused = await h.engine.submitNewPassword({ sessionId, newPassword: 'short' }, kiosk);
    expect(refused).toMatchObject({ step: 'newPassword', rejected: 'policy', failedRules: expect.arrayContaining(['minLength']) });
    expect(h.directory.calls).not.toContain('resetPassword+unlock');

    const done = await h.engine.submitNewPassword({ sessionId, newPassword: 'New-pass22' }, kiosk);
    expect(done).toEqual({ step: 'done', outcome: 'passwordReset' });
    expect(account.password).toBe('New-pass22');
    expect(account.locked).toBe(false);
    expect(h.directory.calls).toContain('resetPassword+unlock');
  });

  it('accepts answers typed with other case, composition and spacing', async () => {
    const h = makeEngine({ gates: { forgotPassword: ['questions'], unlockAccount: ['questions'] } });
    h.directory.add('alice', 'Old-pass1');
    await enroll(h, 'alice', 'Old-pass1');
    const questions = await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk);
    const sloppy = (answer: string) => `  ${answer.normalize('NFD').toUpperCase().replace(/ /g, '   ')} `;
    const next = await h.engine.answerQuestions({ sessionId: sessionOf(questions), answers: answersFor(questions, sloppy) }, kiosk);
    expect(next.step).toBe('newPassword');
  });

  it('refuses the TOTP code already used to confirm enrollment (replay)', async () => {
    const h = makeEngine({ gates: { forgotPassword: ['totp'], unlockAccount: ['questions'] } });
    h.directory.add('alice', 'Old-pass1');
    const secret = await enroll(h, 'alice', 'Old-pass1');
    const used = await codeAt(secret, h.clock.now());
    const start = await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk);
    expect(start.step).toBe('totp');
    const sessionId = sessionOf(start);
    expect(await h.engine.submitTotp({ sessionId, code: used }, kiosk)).toEqual({ step: 'totp', sessionId, rejected: 'wrongAnswer' });
    h.clock.advance(30_000);
    expect((await h.engine.submitTotp({ sessionId, code: await codeAt(secret, h.clock.now()) }, kiosk)).step).toBe('newPassword');
    expect(h.audit.events.filter((e) => e.subject === 'totp').map((e) => [e.outcome, e.reason])).toEqual([
      ['failure', 'replayed'],
      ['success', undefined],
    ]);
  });

  it('does not let a step be skipped or replayed', async () => {
    const h = makeEngine();
    h.directory.add('alice', 'Old-pass1');
    const secret = await enroll(h, 'alice', 'Old-pass1');
    h.clock.advance(30_000);
    const questions = await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk);
    const sessionId = sessionOf(questions);
    expect(await h.engine.submitNewPassword({ sessionId, newPassword: 'New-pass22' }, kiosk)).toMatchObject({ step: 'questions', rejected: 'invalidInput' });
    expect(await h.engine.submitTotp({ sessionId, code: await codeAt(secret, h.clock.now()) }, kiosk)).toMatchObject({ step: 'questions', rejected: 'invalidInput' });
    await h.engine.answerQuestions({ sessionId, answers: answersFor(questions) }, kiosk);
    // The questions gate is passed: answering again is out of order.
    expect(await h.engine.answerQuestions({ sessionId, answers: answersFor(questions) }, kiosk)).toMatchObject({ step: 'totp', rejected: 'invalidInput' });
    expect(h.directory.calls.filter((c) => c.startsWith('resetPassword'))).toEqual([]);
  });

  it('never proceeds when the audit log cannot be written', async () => {
    const h = makeEngine({ gates: { forgotPassword: ['questions'], unlockAccount: ['questions'] } });
    h.directory.add('alice', 'Old-pass1');
    await enroll(h, 'alice', 'Old-pass1');
    const questions = await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk);
    const sessionId = sessionOf(questions);
    await h.engine.answerQuestions({ sessionId, answers: answersFor(questions) }, kiosk);
    h.audit.failing = true;
    expect(await h.engine.submitNewPassword({ sessionId, newPassword: 'New-pass22' }, kiosk)).toEqual({ step: 'failed', reason: 'serviceUnavailable', retryable: true });
    expect(h.directory.calls.filter((c) => c.startsWith('resetPassword'))).toEqual([]);
    expect(h.directory.accounts.get('alice')?.password).toBe('Old-pass1');
  });

  it('keeps secrets out of the audit log', async () => {
    const h = makeEngine();
    h.directory.add('alice', 'Old-pass1');
    const secret = await enroll(h, 'alice', 'Old-pass1');
    h.clock.advance(30_000);
    const questions = await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk);
    const sessionId = sessionOf(questions);
    await h.engine.answerQuestions({ sessionId, answers: answersFor(questions) }, kiosk);
    const code = await codeAt(secret, h.clock.now());
    await h.engine.submitTotp({ sessionId, code }, kiosk);
    await h.engine.submitNewPassword({ sessionId, newPassword: 'New-pass22' }, kiosk);
    const text = JSON.stringify(h.audit.events);
    for (const secretText of ['Old-pass1', 'New-pass22', secret, code, ...Object.values({ a: 'Rex the dog', b: 'Lyon', c: 'Jules Ferry' })]) {
      expect(text).not.toContain(secretText);
    }
    expect(h.audit.events.map((e) => `${e.kind}:${e.subject ?? ''}:${e.outcome}`)).toContain('action:resetPassword:success');
    expect(h.audit.events.every((e) => e.kioskId === 'kiosk-1')).toBe(true);
  });
});
