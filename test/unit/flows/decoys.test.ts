import { describe, expect, it } from 'vitest';
import type { FlowResponse } from '../../../shared/flow';
import { DirectoryError } from '../../../electron/directory/errors';
import { answersFor, catalogue, enroll, kiosk, makeEngine, sessionOf, type Harness } from './harness';

/** A view with everything that legitimately differs between sessions masked out. */
function shape(view: FlowResponse): unknown {
  return JSON.parse(
    JSON.stringify(view, (key, value: unknown) => {
      if (key === 'sessionId') return '<session>';
      if (key === 'id' || key === 'text') return '<question>';
      return value;
    }),
  );
}

async function failUntilLocked(h: Harness, name: string): Promise<unknown[]> {
  const shapes: unknown[] = [];
  let view = await h.engine.start({ flow: 'forgotPassword', username: name }, kiosk);
  shapes.push(shape(view));
  for (let i = 0; i < 4 && view.step === 'questions'; i++) {
    view = await h.engine.answerQuestions({ sessionId: sessionOf(view), answers: answersFor(view, () => 'wrong answer') }, kiosk);
    shapes.push(shape(view));
  }
  shapes.push(shape(await h.engine.start({ flow: 'forgotPassword', username: name }, kiosk)));
  return shapes;
}

describe('nobody learns who exists', () => {
  it('shows an unknown, an unenrolled, a disabled and an enrolled user the same views', async () => {
    const h = makeEngine();
    h.directory.add('alice', 'Old-pass1');
    h.directory.add('bob', 'Old-pass1');
    h.directory.add('carol', 'Old-pass1', { disabled: true });
    await enroll(h, 'alice', 'Old-pass1');
    await enroll(h, 'carol', 'Old-pass1');
    const enrolled = await failUntilLocked(h, 'alice');
    expect(enrolled.at(-1)).toEqual({ step: 'failed', reason: 'lockedOut', retryable: false });
    for (const name of ['nobody', 'bob', 'carol']) expect(await failUntilLocked(h, name)).toEqual(enrolled);
  });

  it('shows a user the directory refuses at resolution (AD: disabled, expired) the same views as an unknown one', async () => {
    const h = makeEngine();
    const resolve = h.directory.resolveUser.bind(h.directory);
    // Active Directory's adapter refuses disabled and expired entries already when resolving the name.
    h.directory.resolveUser = async (typedName) => {
      if (typedName === 'dave') throw new DirectoryError('accountDisabled', 'resolve user: dave is disabled');
      if (typedName === 'erin') throw new DirectoryError('accountExpired', 'resolve user: erin expired');
      return resolve(typedName);
    };
    const unknown = await failUntilLocked(h, 'nobody');
    expect(unknown[0]).toMatchObject({ step: 'questions' });
    for (const name of ['dave', 'erin']) expect(await failUntilLocked(h, name)).toEqual(unknown);
  });

  it('treats every name a known but unservable entry answers to as one account, as it does an enrolled one', async () => {
    const h = makeEngine({ questions: { shownAtRegistration: 6, requiredAtRegistration: 2, presentedAtReset: 2, requiredCorrectAtReset: 2 } });
    h.directory.add('alice', 'Old-pass1');
    h.directory.add('bob', 'Old-pass1');
    await enroll(h, 'alice', 'Old-pass1');
    const resolve = h.directory.resolveUser.bind(h.directory);
    // A second login attribute (mail, userPrincipalName) names the same entry.
    h.directory.resolveUser = async (typedName) => resolve(typedName.replace(/@example\.test$/, ''));
    const questionIds = async (name: string) => {
      const view = await h.engine.start({ flow: 'forgotPassword', username: name }, kiosk);
      if (view.step !== 'questions') throw new Error(`expected questions, got ${JSON.stringify(view)}`);
      await h.engine.cancel({ sessionId: view.sessionId }, kiosk);
      return view.questions.map((q) => q.id).sort();
    };
    // Bob's decoy "registered" two questions and shows both: the same two under either name.
    expect(await questionIds('bob@example.test')).toEqual(await questionIds('bob'));
    for (const name of ['alice', 'bob']) {
      // Locked out under one name, locked out under the other.
      let view = await h.engine.start({ flow: 'forgotPassword', username: name }, kiosk);
      for (let i = 0; i < 3 && view.step === 'questions'; i++) {
        view = await h.engine.answerQuestions({ sessionId: sessionOf(view), answers: answersFor(view, () => 'wrong answer') }, kiosk);
      }
      expect(view).toEqual({ step: 'failed', reason: 'lockedOut', retryable: false });
      expect(await h.engine.start({ flow: 'forgotPassword', username: `${name}@example.test` }, kiosk)).toEqual(view);
    }
  });

  it('gives the same unknown name the same questions, from the catalogue, every time', async () => {
    const h = makeEngine({ questions: { shownAtRegistration: 6, requiredAtRegistration: 2, presentedAtReset: 2, requiredCorrectAtReset: 2 } });
    const ids = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const view = await h.engine.start({ flow: 'forgotPassword', username: 'nobody' }, kiosk);
      if (view.step !== 'questions') throw new Error('no questions');
      view.questions.forEach((q) => ids.add(q.id));
      await h.engine.cancel({ sessionId: view.sessionId }, kiosk);
    }
    // Two registered questions, both always presented: a stable pair, like an enrolled user's.
    expect(ids.size).toBe(2);
    expect([...ids].every((id) => catalogue.some((q) => q.id === id))).toBe(true);
  });

  it('audits the typed name for unknown users and the DN for known ones', async () => {
    const h = makeEngine();
    h.directory.add('alice', 'Old-pass1');
    await h.engine.start({ flow: 'forgotPassword', username: 'nobody' }, kiosk);
    await h.engine.start({ flow: 'forgotPassword', username: 'alice' }, kiosk);
    expect(h.audit.events.filter((e) => e.kind === 'flowStart').map((e) => [e.user, e.reason])).toEqual([
      ['nobody', 'userNotFound'],
      ['uid=alice,ou=people,dc=example,dc=test', 'notEnrolled'],
    ]);
  });

  it('answers an unknown user of the password flows with the same refusal as a wrong password', async () => {
    const h = makeEngine();
    h.directory.add('alice', 'Old-pass1');
    for (const flow of ['changePassword', 'enroll'] as const) {
      const views: unknown[][] = [];
      for (const name of ['alice', 'nobody']) {
        const trail: unknown[] = [];
        const start = await h.engine.start({ flow, username: name }, kiosk);
        trail.push(shape(start));
        for (let i = 0; i < 3; i++) trail.push(shape(await h.engine.submitCurrentPassword({ sessionId: sessionOf(start), password: 'wrong-one' }, kiosk)));
        views.push(trail);
      }
      expect(views[1]).toEqual(views[0]);
      expect(views[0]!.at(-1)).toEqual({ step: 'failed', reason: 'generic', retryable: true });
    }
  });
});
