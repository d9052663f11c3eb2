/**
 * The contract fuzzed through the Sesame host: for every call, 1,000+ generated malformed payloads get a
 * typed error (a known code and message key, nothing echoed), and the host keeps serving throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, callNames } from '../../../shared/calls';
import { callErrorCodes } from '../../../shared/errors';
import { allErrorMessageKeys } from '../../../shared/messages';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { createHandlers } from '../../../electron/handlers/handlers';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { testAppInfo } from '../../support/host/app-info';
import { openSession, type HostSession } from '../../support/host/http-client';
import { makeStaticRoot } from '../../support/host/static-root';
import { makeEngine } from '../flows/harness';
import { malformedPayload, marker, prng } from './malformed';

const perCall = 1000;

async function post(host: RunningHost, session: HostSession, call: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${host.url}/api/${call}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: session.origin, cookie: session.cookie, 'x-sesame-csrf': session.csrfToken },
    body,
  });
  return { status: response.status, text: await response.text() };
}

describe('contract fuzz through the host', () => {
  let host: RunningHost;
  let session: HostSession;
  beforeAll(async () => {
    const { root } = await makeStaticRoot();
    const { engine } = makeEngine();
    const unlimited = { capacity: 1_000_000, perSecond: 1_000_000 };
    host = await startHost({ staticRoot: root, perSessionRate: unlimited, perAddressRate: unlimited }, createDispatch(createHandlers({ appInfo: testAppInfo, engine })));
    session = await openSession(host.url);
  });
  afterAll(() => host.close());

  it.each(callNames.map((name, index) => [name, index] as const))(`%s: ${perCall} malformed payloads each get a typed error`, async (call, index) => {
    const random = prng(0x5e5a4e + index);
    const codes = new Map<string, number>();
    for (let batch = 0; batch < perCall / 50; batch++) {
      const cases = Array.from({ length: 50 }, () => malformedPayload(call, random, (payload) => calls[call].request.safeParse(payload).success));
      const results = await Promise.all(
        cases.map(async (malformed) => {
          const body = malformed.kind === 'json' ? (JSON.stringify(malformed.payload) ?? 'null') : malformed.body;
          if (malformed.kind === 'json') {
            // Every case must test a refusal, not an accepted payload.
            expect(calls[call].request.safeParse(JSON.parse(body)).success, body.slice(0, 200)).toBe(false);
          }
          return post(host, session, call, body);
        }),
      );
      for (const { status, text } of results) {
        const parsed = JSON.parse(text) as { ok: boolean; error: { code: string; messageKey: string } };
        expect(parsed.ok).toBe(false);
        expect(callErrorCodes).toContain(parsed.error.code);
        expect(allErrorMessageKeys).toContain(parsed.error.messageKey);
        expect(Object.keys(parsed.error).sort()).toEqual(['code', 'messageKey']);
        expect(text).not.toContain(marker);
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
        codes.set(parsed.error.code, (codes.get(parsed.error.code) ?? 0) + 1);
      }
    }
    expect([...codes.values()].reduce((a, b) => a + b, 0)).toBe(perCall);
    expect(codes.get('invalidRequest')).toBe(perCall);
    // Still serving: a valid call answers.
    const info = await post(host, session, 'app.info', '{}');
    expect(JSON.parse(info.text)).toEqual({ ok: true, value: testAppInfo });
    // A thousand HTTP round trips take seconds on a loaded 2-core CI machine.
  }, 60_000);

  it('keeps serving pages and calls after the whole run', async () => {
    const page = await fetch(`${host.url}/`);
    expect(page.status).toBe(200);
    const started = await post(host, session, 'flow.start', JSON.stringify({ flow: 'unlockAccount', username: 'after-fuzz' }));
    expect(JSON.parse(started.text)).toMatchObject({ ok: true, value: { step: 'questions' } });
  });
});
