import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { createHandlers } from '../../../electron/handlers/handlers';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { testAppInfo } from '../../support/host/app-info';
import { openSession, rawRequest } from '../../support/host/http-client';
import { makeStaticRoot } from '../../support/host/static-root';
import { makeEngine } from '../flows/harness';

describe('Sesame host', () => {
  let host: RunningHost;
  let root: string;
  beforeAll(async () => {
    const made = await makeStaticRoot();
    root = made.root;
    await symlink(made.outside, join(root, 'escape.txt'));
    const { engine } = makeEngine();
    host = await startHost(
      { staticRoot: root, perSessionRate: { capacity: 5, perSecond: 0.001 } },
      createDispatch(createHandlers({ appInfo: testAppInfo, engine })),
    );
  });
  afterAll(() => host.close());

  it('listens on loopback only by default', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the renderer with a strict CSP, hardening headers and an HttpOnly SameSite=Strict session cookie', async () => {
    const res = await rawRequest(`${host.url}/`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Sesame</title>');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^sesame=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
  });

  it('puts the session CSRF token and app.info into the index page, never cached', async () => {
    const res = await rawRequest(`${host.url}/`);
    const cookie = res.headers['set-cookie']![0]!.split(';')[0]!;
    const token = /<meta name="sesame-csrf" content="([A-Za-z0-9_-]+)">/.exec(res.body)?.[1];
    expect(token).toBeDefined();
    const info = /<meta name="sesame-app-info" content="([^"]+)">/.exec(res.body)?.[1];
    expect(JSON.parse(info!.replaceAll('&quot;', '"'))).toEqual(testAppInfo);
    expect(res.headers['cache-control']).toBe('no-store');
    const call = await rawRequest(`${host.url}/api/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: host.url, cookie, 'x-sesame-csrf': token! },
      body: '{}',
    });
    expect(call.status).toBe(200);
  });

  it('serves hashed assets as immutable with their type', async () => {
    const res = await rawRequest(`${host.url}/assets/app-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/javascript');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/escape.txt', '/%00', '/%E0%A4%A', '/assets', '/nothing.js'])(
    'answers 404 for %s and never a file outside the root',
    async (path) => {
      const res = await rawRequest(`${host.url}${path}`);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('outside the root');
    },
  );

  it('refuses a Host it does not serve (DNS rebinding)', async () => {
    const res = await rawRequest(`${host.url}/`, { headers: { host: `evil.example:${host.port}` } });
    expect(res.status).toBe(421);
  });

  it('answers a valid call with the session cookie, the CSRF header and a same-origin Origin', async () => {
    const session = await openSession(host.url);
    const res = await session.call('app.info', {});
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true, value: testAppInfo });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses a cross-origin call, a call without Origin, without CSRF token or without session', async () => {
    const session = await openSession(host.url);
    const forbidden = { ok: false, error: { code: 'forbiddenSender', messageKey: 'error.forbiddenSender' } };
    const crossOrigin = await session.call('app.info', {}, { origin: 'http://evil.example' });
    expect([crossOrigin.status, crossOrigin.json()]).toEqual([403, forbidden]);
    const noCsrf = await session.call('app.info', {}, { 'x-sesame-csrf': 'guess' });
    expect([noCsrf.status, noCsrf.json()]).toEqual([403, forbidden]);
    const noOrigin = await rawRequest(`${host.url}/api/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-sesame-csrf': session.csrfToken },
      body: '{}',
    });
    expect(noOrigin.status).toBe(403);
    const noCookie = await session.call('app.info', {}, { cookie: 'sesame=forged' });
    expect(noCookie.status).toBe(401);
    expect(noCookie.json()).toMatchObject({ ok: false, error: { code: 'sessionExpired' } });
  });

  it('refuses the CSRF token of another session', async () => {
    const [a, b] = [await openSession(host.url), await openSession(host.url)];
    expect((await a.call('app.info', {}, { 'x-sesame-csrf': b.csrfToken })).status).toBe(403);
  });

  it('refuses a cross-site read of the CSRF token', async () => {
    const res = await rawRequest(`${host.url}/api/session`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('csrfToken');
  });

  it('refuses bodies over 16 KiB and keeps serving', async () => {
    const session = await openSession(host.url);
    const big = JSON.stringify({ flow: 'enroll', username: 'x'.repeat(17 * 1024) });
    const res = await session.call('flow.start', big);
    expect(res.status).toBe(413);
    expect(res.json()).toEqual({ ok: false, error: { code: 'invalidRequest', messageKey: 'error.tooLarge' } });
    expect((await session.call('app.info', {})).status).toBe(200);
  });

  it('refuses malformed JSON, a wrong content type, a GET and an unknown call with typed errors', async () => {
    const session = await openSession(host.url);
    expect((await session.call('app.info', '{"unterminated')).json()).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
    expect((await session.call('app.info', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await rawRequest(`${host.url}/api/app.info`)).status).toBe(405);
    const unknown = await session.call('flow.deleteEverything', {});
    expect([unknown.status, unknown.json()]).toEqual([404, { ok: false, error: { code: 'unknownCall', messageKey: 'error.unknownCall' } }]);
  });

  it('rate-limits each browser session separately', async () => {
    const [a, b] = [await openSession(host.url), await openSession(host.url)];
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await a.call('app.info', {})).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect((await a.call('app.info', {})).json()).toEqual({ ok: false, error: { code: 'rateLimited', messageKey: 'error.rateLimited' } });
    expect((await b.call('app.info', {})).status).toBe(200);
  });

  it('binds flow sessions to the browser session that started them', async () => {
    const [a, b] = [await openSession(host.url), await openSession(host.url)];
    const started = (await a.call('flow.start', { flow: 'forgotPassword', username: 'someone' })).json() as { value: { sessionId: string } };
    const stolen = await b.call('flow.cancel', { sessionId: started.value.sessionId });
    expect(stolen.json()).toEqual({ ok: true, value: { step: 'failed', reason: 'sessionExpired', retryable: true } });
  });
});
