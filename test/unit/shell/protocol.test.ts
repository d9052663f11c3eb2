import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);
const { appContentSecurityPolicy, appStartUrl, handleAppProtocol, isAppUrl, registerAppScheme, serveAppRequest } = await import('../../../electron/shell/protocol');

let top: string;
let rendererDir: string;

beforeAll(async () => {
  top = await mkdtemp(join(tmpdir(), 'sesame-protocol-'));
  rendererDir = join(top, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Sesame</title>');
  await writeFile(join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(join(top, 'secret.txt'), 'outside the renderer');
  await symlink(join(top, 'secret.txt'), join(rendererDir, 'linked.txt'));
});
afterAll(() => rm(top, { recursive: true, force: true }));
beforeEach(resetFakeElectron);

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), rendererDir);

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme (before ready) without bypassing the CSP', () => {
    registerAppScheme();
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, codeCache: true } },
    ]);
    const privileges = fakeElectron.protocol.registerSchemesAsPrivileged.mock.calls[0]![0][0]!.privileges;
    expect(privileges).not.toHaveProperty('bypassCSP');
    expect(privileges).not.toHaveProperty('corsEnabled');
  });

  it('starts at app://sesame/index.html and recognises only that origin', () => {
    expect(appStartUrl).toBe('app://sesame/index.html');
    expect(isAppUrl('app://sesame/assets/x.js')).toBe(true);
    for (const url of ['app://evil/index.html', 'file:///C:/index.html', 'https://sesame/index.html', 'app://user:pw@sesame/', 'not a url']) {
      expect(isAppUrl(url)).toBe(false);
    }
  });

  it('serves the start page and hashed assets with a strict CSP', async () => {
    const page = await get(appStartUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Sesame</title>');
    const csp = page.headers.get('content-security-policy');
    expect(csp).toBe(appContentSecurityPolicy);
    for (const directive of ["default-src 'none'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "connect-src 'none'", "form-action 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const asset = await get('app://sesame/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('content-security-policy')).toBe(appContentSecurityPolicy);
  });

  it.each([
    'app://sesame/../secret.txt',
    'app://sesame/%2e%2e/secret.txt',
    'app://sesame/..%2fsecret.txt',
    'app://sesame/assets/..%2f..%2fsecret.txt',
    'app://sesame/assets%5c..%5c..%5csecret.txt',
    'app://sesame/assets\\..\\..\\secret.txt',
    'app://sesame/index.html%00.js',
    'app://sesame/linked.txt',
    'app://sesame/missing.html',
    'app://other/index.html',
  ])('refuses %s (traversal, symlink out, other host, missing)', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the renderer');
    expect(response.headers.get('content-security-policy')).toBe(appContentSecurityPolicy);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get(appStartUrl, 'POST')).status).toBe(405);
    const head = await get(appStartUrl, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('installs the handler for the app scheme, serving from the renderer directory', async () => {
    handleAppProtocol(rendererDir);
    expect(fakeElectron.protocol.handle).toHaveBeenCalledTimes(1);
    const [scheme, handler] = fakeElectron.protocol.handle.mock.calls[0]!;
    expect(scheme).toBe('app');
    expect((await handler(new Request(appStartUrl))).status).toBe(200);
    expect((await handler(new Request('app://sesame/..%2fsecret.txt'))).status).toBe(404);
  });
});
