import { describe, expect, it } from 'vitest';
import { answersFor, enroll, kiosk, makeEngine, sessionOf } from './harness';

describe('changePassword', () => {
  it('changes for an account that must change its password (cannot bind normally)', async () => {
    const h = makeEngine();
    const alice = h.directory.add('alice', 'Temp-pass1', { mustChange: true });
    const sessionId = sessionOf(await h.engine.start({ flow: 'changePassword', username: 'alice' }, kiosk));
    const next = await h.engine.submitCurrentPassword({ sessionId, password: 'Temp-pass1' }, kiosk);
    expect(next.step).toBe('newPassword');
    const checklist = await h.engine.checkNewPassword({ sessionId, candidate: 'alice-Pass1' }, kiosk);
    expect(checklist.step === 'newPassword' && checklist.rules.find((r) => r.rule === 'containsAccountName')?.passes).toBe(false);
    expect(await h.engine.submitNewPassword({ sessionId, newPassword: 'Fresh-pass9' }, kiosk)).toEqual({ step: 'done', outcome: 'passwordChanged' });
    expect(alice.password).toBe('Fresh-pass9');
    expect(alice.mustChange).toBe(false);
  });

  it('gives three tries at the current password, then fails', async () => {
    const h = makeEngine();
    h.directory.add('alice', 'Old-pass1');
    const sessionId = sessionOf(await h.engine.start({ flow: 'changePassword', username: 'alice' }, kiosk));
    expect((await h.engine.submitCurrentPassword({ sessionId, password: 'bad1' }, kiosk)).rejected).toBe('wrongAnswer');
    expect((await h.engine.submitCurrentPassword({ sessionId, password: 'bad2' }, kiosk)).rejected).toBe('wrongAnswer');
    expect(await h.engine.submitCurrentPassword({ sessionId, password: 'bad3' }, kiosk)).toEqual({ step: 'failed', reason: 'generic', retryable: true });
  });
});

describe('unlockAccount', () => {
  it('unlocks after its gates without changing the password', async () => {
    const h = makeEngine();
    const alice = h.directory.add('alice', 'Old-pass1');
    await enroll(h, 'alice', 'Old-pass1');
    alice.locked = true;
    const view = await h.engine.start({ flow: 'unlockAccount', username: 'alice' }, kiosk);
    expect(await h.engine.answerQuestions({ sessionId: sessionOf(view), answers: answersFor(view) }, kiosk)).toEqual({ step: 'done', outcome: 'unlocked' });
    expect(alice.locked).toBe(false);
    expect(alice.password).toBe('Old-pass1');
    expect(h.audit.events.filter((e) => e.subject === 'unlock').map((e) => e.outcome)).toEqual(['info', 'success']);
  });
});

describe('enroll', () => {
  it('refuses answers that break the rules, naming the rule and the answer', async () => {
    const h = makeEngine();
    h.directory.add('alice', 'Old-pass1');
    const sessionId = sessionOf(await h.engine.start({ flow: 'enroll', username: 'alice' }, kiosk));
    await h.engine.submitCurrentPassword({ sessionId, password: 'Old-pass1' }, kiosk);
    const refused = await h.engine.enrollQuestions(
      {
        sessionId,
        answers: [
          { questionId: 'pet', answer: 'my first pet' },
          { questionId: 'city', answer: 'Lyon' },
          { questionId: 'film', answer: ' LYON ' },
          { customQuestion: 'My own question?', answer: 'whatever' },
          { questionId: 'nope', answer: 'something' },
        ],
      },
      kiosk,
    );
    expect(refused.step).toBe('enrollQuestions');
    expect(refused.rejected).toBe('invalidInput');
    expect(refused.answerRules).toEqual(
      expect.arrayContaining([
        { rule: 'containsQuestionWords', index: 0 },
        { rule: 'duplicateAnswer', index: 2 },
        { rule: 'customNotAllowed', index: 3 },
        { rule: 'unknownQuestion', index: 4 },
      ]),
    );
    expect(await h.store.read(h.directory.accounts.get('alice')!.user)).toBeUndefined();
  });

  it('accepts custom questions when allowed and shows them at reset', async () => {
    const h = makeEngine({ allowCustomQuestions: true, enrollTotp: false, gates: { forgotPassword: ['questions'], unlockAccount: ['questions'] } }, () => 0);
    h.directory.add('alice', 'Old-pass1');
    const sessionId = sessionOf(await h.engine.start({ flow: 'enroll', username: 'alice' }, kiosk));
    await h.engine.submitCurrentPassword({ sessionId, password: 'Old-pass1' }, kiosk);
    const done = await h.engine.enrollQuestions(
      { sessionId, answers: [{ customQuestion: 'Colour of my bike?', answer: 'Vermilion' }, { questionId: 'pet', answer: 'Rex the dog' }, { questionId: 'city', answer: 'Lyon' }] },
      kiosk,
    );
    expect(done).toEqual({ step: 'done', outcome: 'enrolled' });
    const reset = await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk);
    expect(reset.step === 'questions' && reset.questions[0]).toEqual({ id: 'custom.1', text: 'Colour of my bike?' });
  });

  it('re-enrolling replaces the answers and keeps counting failures from zero', async () => {
    const h = makeEngine({ gates: { forgotPassword: ['questions'], unlockAccount: ['questions'] } });
    const alice = h.directory.add('alice', 'Old-pass1');
    await enroll(h, 'alice', 'Old-pass1');
    const first = (await h.store.read(alice.user))!.record;
    const view = await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk);
    await h.engine.answerQuestions({ sessionId: sessionOf(view), answers: answersFor(view, () => 'wrong answer') }, kiosk);
    expect((await h.store.read(alice.user))!.record.gate.failures).toBe(1);
    await enroll(h, 'alice', 'Old-pass1');
    const second = (await h.store.read(alice.user))!.record;
    expect(second.answers[0]!.salt.equals(first.answers[0]!.salt)).toBe(false);
    expect(second.gate.failures).toBe(0);
  });

  it('refuses a wrong confirmation code and keeps no record', async () => {
    const h = makeEngine();
    h.directory.add('alice', 'Old-pass1');
    const sessionId = sessionOf(await h.engine.start({ flow: 'enroll', username: 'alice' }, kiosk));
    const questions = await h.engine.submitCurrentPassword({ sessionId, password: 'Old-pass1' }, kiosk);
    if (questions.step !== 'enrollQuestions') throw new Error('no enrollQuestions');
    const answers = [
      { questionId: 'pet', answer: 'Rex the dog' },
      { questionId: 'city', answer: 'Lyon' },
      { questionId: 'film', answer: 'Metropolis' },
    ];
    const totp = await h.engine.enrollQuestions({ sessionId, answers }, kiosk);
    expect(totp.step === 'enrollTotp' && totp.qrSvg.startsWith('<svg')).toBe(true);
    expect(await h.engine.confirmTotpEnrollment({ sessionId, code: '000000' }, kiosk)).toMatchObject({ step: 'enrollTotp', rejected: 'wrongAnswer' });
    expect(await h.store.read(h.directory.accounts.get('alice')!.user)).toBeUndefined();
  });
});
