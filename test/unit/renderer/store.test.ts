import { describe, expect, it } from 'vitest';
import type { FlowResponse } from '../../../shared/flow';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { createHandlers } from '../../../electron/handlers/handlers';
import { createSesameStore, sessionIdOf } from '../../../renderer/src/state/store';
import type { Transport } from '../../../renderer/src/transport/transport';
import { testAppInfo } from '../../support/host/app-info';
import { dispatchTransport } from '../../support/host/dispatch-transport';
import { enroll, makeEngine } from '../flows/harness';

function setup() {
  const harness = makeEngine();
  const transport = dispatchTransport(createDispatch(createHandlers({ appInfo: testAppInfo, engine: harness.engine })));
  return { harness, transport, store: createSesameStore(transport) };
}

const viewOf = (screen: ReturnType<ReturnType<typeof setup>['store']['getState']>['screen']): FlowResponse => {
  if (screen.name !== 'flow') throw new Error(`not in a flow: ${screen.name}`);
  return screen.view;
};

describe('renderer store on the real dispatch and engine', () => {
  it('loads app.info, then walks start → username → first gate', async () => {
    const { store } = setup();
    expect(store.getState().screen).toEqual({ name: 'loading' });
    await store.getState().init();
    expect(store.getState().screen).toEqual({ name: 'start' });
    expect(store.getState().info).toEqual(testAppInfo);
    store.getState().choose('forgotPassword');
    expect(store.getState().screen).toEqual({ name: 'username', flow: 'forgotPassword' });
    await store.getState().start('nobody');
    expect(viewOf(store.getState().screen).step).toBe('questions');
    expect(store.getState().busy).toBe(false);
  });

  it('starts on the start screen when the host embedded app.info', async () => {
    const { transport } = setup();
    const store = createSesameStore(transport, { ...testAppInfo, languages: { default: 'fr', available: ['fr', 'en'] } });
    expect(store.getState().screen).toEqual({ name: 'start' });
    expect(store.getState().language).toBe('fr');
    await store.getState().init();
    expect(transport.calls).toEqual([]);
  });

  it('bumps the turn on a rejected answer and keeps the step', async () => {
    const { store } = setup();
    await store.getState().init();
    store.getState().choose('forgotPassword');
    await store.getState().start('nobody');
    const view = viewOf(store.getState().screen);
    if (view.step !== 'questions') throw new Error(view.step);
    const turn = store.getState().turn;
    await store.getState().send('flow.answerQuestions', { sessionId: view.sessionId, answers: view.questions.map((q) => ({ questionId: q.id, answer: 'wrong' })) });
    expect(viewOf(store.getState().screen)).toMatchObject({ step: 'questions', rejected: 'wrongAnswer' });
    expect(store.getState().turn).toBe(turn + 1);
  });

  it('keeps no typed secret in its state', async () => {
    const { store, harness } = setup();
    harness.directory.add('carol', 'Current-Pass-1');
    await store.getState().init();
    store.getState().choose('changePassword');
    await store.getState().start('carol');
    const sessionId = sessionIdOf(store.getState().screen)!;
    await store.getState().send('flow.submitCurrentPassword', { sessionId, password: 'Current-Pass-1' });
    expect(viewOf(store.getState().screen).step).toBe('newPassword');
    await store.getState().check('Candidate-Secret-9');
    expect(viewOf(store.getState().screen)).toMatchObject({ step: 'newPassword' });
    expect(JSON.stringify(store.getState())).not.toMatch(/Current-Pass-1|Candidate-Secret-9/);
  });

  it('reset cancels the flow session on the main side and clears everything', async () => {
    const { store, transport } = setup();
    await store.getState().init();
    store.getState().setLanguage('de');
    store.getState().choose('unlockAccount');
    await store.getState().start('nobody');
    const sessionId = sessionIdOf(store.getState().screen)!;
    store.getState().reset();
    expect(store.getState()).toMatchObject({ screen: { name: 'start' }, busy: false, language: 'en' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(transport.calls.at(-1)).toBe('flow.cancel');
    // The engine no longer knows the session.
    const after = await transport.call('flow.cancel', { sessionId });
    expect(after).toEqual({ ok: true, value: { step: 'failed', reason: 'sessionExpired', retryable: true } });
  });

  it('enrolled person: questions then TOTP gate', async () => {
    const { store, harness } = setup();
    harness.directory.add('dave', 'Dave-Pass-1');
    await enroll(harness, 'dave', 'Dave-Pass-1');
    await store.getState().init();
    store.getState().choose('forgotPassword');
    await store.getState().start('dave');
    expect(viewOf(store.getState().screen).step).toBe('questions');
  });
});

describe('renderer store error handling', () => {
  const failing = (code: string, messageKey: string): Transport => ({
    call: async (name) => (name === 'app.info' ? { ok: true, value: testAppInfo } : { ok: false, error: { code, messageKey } }) as never,
    setLanguage: () => undefined,
  });

  it('shows a notice for a rate-limited call and stays on the screen', async () => {
    const store = createSesameStore(failing('rateLimited', 'error.rateLimited'));
    await store.getState().init();
    store.getState().choose('forgotPassword');
    await store.getState().start('someone');
    expect(store.getState()).toMatchObject({ screen: { name: 'username' }, notice: 'error.rateLimited', busy: false });
  });

  it.each([
    ['sessionExpired', 'sessionExpired'],
    ['unavailable', 'serviceUnavailable'],
    ['internal', 'serviceUnavailable'],
  ])('turns %s into the %s failure screen', async (code, reason) => {
    const store = createSesameStore(failing(code, `error.${code}`));
    await store.getState().init();
    store.getState().choose('unlockAccount');
    await store.getState().start('someone');
    expect(store.getState().screen).toEqual({ name: 'flow', flow: 'unlockAccount', view: { step: 'failed', reason, retryable: true } });
  });

  it('shows the out-of-order start screen when app.info fails', async () => {
    const store = createSesameStore({ call: async () => ({ ok: false, error: { code: 'unavailable', messageKey: 'error.unavailable' } }) as never, setLanguage: () => undefined });
    await store.getState().init();
    expect(store.getState().info?.serviceAvailable).toBe(false);
    expect(store.getState().screen).toEqual({ name: 'start' });
  });
});
