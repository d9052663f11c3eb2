import { describe, expect, it } from 'vitest';
import { answersFor, enroll, kiosk, makeEngine, sessionOf } from './harness';

describe('question draws', () => {
  it('draws questions at random from the registered set and redraws after a failure', async () => {
    // Picks follow a script so the draw is known: first index 0 each time, then the last index.
    let script: number[] = [];
    const h = makeEngine({}, (max) => Math.min(script.shift() ?? 0, max - 1));
    h.directory.add('alice', 'Old-pass1');
    await enroll(h, 'alice', 'Old-pass1');
    const registered = (await h.store.read(h.directory.accounts.get('alice')!.user))!.record.answers.map((a) => a.questionId);

    script = [0, 0];
    const first = await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk);
    if (first.step !== 'questions') throw new Error('no questions');
    expect(first.questions.map((q) => q.id)).toEqual([registered[0], registered[1]]);

    script = [2, 1];
    const again = await h.engine.answerQuestions({ sessionId: sessionOf(first), answers: answersFor(first, () => 'wrong answer') }, kiosk);
    if (again.step !== 'questions') throw new Error('no questions');
    expect(again.rejected).toBe('wrongAnswer');
    expect(again.questions.map((q) => q.id)).toEqual([registered[2], registered[1]]);
  });

  it('shows catalogue questions in the requested language, falling back to the default', async () => {
    const h = makeEngine({ gates: { forgotPassword: ['questions'], unlockAccount: ['questions'] } }, () => 0);
    h.directory.add('alice', 'Old-pass1');
    const start = await h.engine.start({ flow: 'enroll', username: 'alice' }, { ...kiosk, language: 'fr' });
    const view = await h.engine.submitCurrentPassword({ sessionId: sessionOf(start), password: 'Old-pass1' }, { ...kiosk, language: 'fr' });
    if (view.step !== 'enrollQuestions') throw new Error('no enrollQuestions');
    expect(view.catalogue.find((q) => q.id === 'pet')?.text).toBe('Nom de votre premier animal ?');
    expect(view.catalogue.find((q) => q.id === 'city')?.text).toBe('City where you were born?');
    expect(view).toMatchObject({ required: 3, allowCustomQuestions: false, minAnswerLength: 3 });
  });
});
