import { describe, expect, it } from 'vitest';
import { calls, callNames } from '../../../shared/calls';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../../electron/handlers/handlers';
import { makeEngine } from '../flows/harness';
import { testAppInfo } from '../../support/host/app-info';

const context = { kioskId: 'kiosk-1', clientId: 'client-1' };

describe('dispatch', () => {
  const { engine } = makeEngine();
  const dispatch = createDispatch(createHandlers({ appInfo: testAppInfo, engine }));

  it('lists exactly the registry in callNames', () => {
    expect([...callNames].sort()).toEqual(Object.keys(calls).sort());
  });

  it.each([['nope'], ['__proto__'], ['constructor'], ['flow.start '], [42], [null], [undefined]])('refuses the unknown call %j', async (name) => {
    expect(await dispatch(name, {}, context)).toEqual({ ok: false, error: { code: 'unknownCall', messageKey: 'error.unknownCall' } });
  });

  it('answers app.info with the configured languages and kiosk settings', async () => {
    expect(await dispatch('app.info', {}, context)).toEqual({ ok: true, value: testAppInfo });
  });

  it('runs a valid flow call through the engine', async () => {
    const result = await dispatch('flow.start', { flow: 'forgotPassword', username: 'nobody-here' }, context);
    expect(result.ok).toBe(true);
    // Unknown users get a decoy gate, indistinguishable from a real one.
    expect(result.ok && (result.value as { step: string }).step).toBe('questions');
  });

  it('refuses a payload that fails the schema without echoing it', async () => {
    const secret = 'Sup3r-Secret-Answer';
    const result = await dispatch('flow.answerQuestions', { sessionId: 'x', answers: [{ questionId: 'pet', answer: secret }], extra: secret }, context);
    expect(result).toEqual({ ok: false, error: { code: 'invalidRequest', messageKey: 'error.invalidRequest' } });
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('refuses extra keys (strict schemas)', async () => {
    expect((await dispatch('app.info', { debug: true }, context)).ok).toBe(false);
  });

  it('answers unavailable for flow calls when no engine is configured, and says so in app.info', async () => {
    const bare = createDispatch(createHandlers({ appInfo: testAppInfo }));
    expect(await bare('flow.start', { flow: 'enroll', username: 'alice' }, context)).toEqual({ ok: false, error: { code: 'unavailable', messageKey: 'error.unavailable' } });
    expect(await bare('app.info', {}, context)).toEqual({ ok: true, value: { ...testAppInfo, serviceAvailable: false } });
  });

  it('turns a throwing handler into a typed internal error without its message', async () => {
    const handlers = createHandlers({ appInfo: testAppInfo, engine });
    const throwing: Handlers = { ...handlers, 'flow.cancel': () => Promise.reject(new Error('password=hunter2 leaked')) };
    const result = await createDispatch(throwing)('flow.cancel', { sessionId: 'a'.repeat(20) }, context);
    expect(result).toEqual({ ok: false, error: { code: 'internal', messageKey: 'error.internal' } });
  });

  it('does not log payload values when refusing', async () => {
    const lines: string[] = [];
    const { createLogger } = await import('../../../electron/logging/logger');
    const logged = createDispatch(createHandlers({ appInfo: testAppInfo, engine }), createLogger({ write: (l) => lines.push(l) }));
    await logged('flow.submitCurrentPassword', { sessionId: 'short', password: 'Hunter2-Password' }, context);
    expect(lines.length).toBe(1);
    expect(lines.join('\n')).not.toContain('Hunter2-Password');
    expect(lines[0]).toContain('sessionId');
  });
});
