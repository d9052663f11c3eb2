import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configuredShellOptions } from '../../../electron/shell/configured';
import type { FlowEngine } from '../../../electron/flows/engine';
import { allSecrets, memorySecrets } from '../config/memory-secrets';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sesame-shell-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const directory = { kind: 'passwordModify', servers: ['ldaps://ldap.example.test'], serviceBindDn: 'cn=svc', baseDns: ['dc=example'], loginAttributes: ['uid'] };
const context = { kioskId: 'k', clientId: 'c' };

async function optionsFor(settings: unknown, composeEngine?: () => FlowEngine) {
  const configFile = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(configFile, JSON.stringify(settings));
  return configuredShellOptions({
    rendererDir: '/app/dist/renderer',
    preloadPath: '/app/dist/electron/preload.cjs',
    hostName: 'WS-042',
    machine: { configFile, platform: 'linux', env: {}, secrets: memorySecrets(allSecrets) },
    ...(composeEngine ? { composeEngine } : {}),
  });
}

describe('shell options from the configuration', () => {
  it('takes kiosk mode and id from the configuration', async () => {
    const options = await optionsFor({ directory, kiosk: { enabled: false, id: 'LOBBY-01' } });
    expect(options).toMatchObject({ kioskMode: false, kioskId: 'LOBBY-01', rendererDir: '/app/dist/renderer', preloadPath: '/app/dist/electron/preload.cjs' });
    const info = await options.dispatch('app.info', {}, context);
    expect(info.ok && info.value).toMatchObject({ kiosk: { enabled: false }, languages: { default: 'en' } });
  });

  it('defaults to kiosk mode, named after the machine', async () => {
    const options = await optionsFor({ directory });
    expect(options).toMatchObject({ kioskMode: true, kioskId: hostname() });
  });

  it('serves flows only when an engine is composed for the configuration', async () => {
    const without = await optionsFor({ directory });
    expect(await without.dispatch('app.info', {}, context)).toMatchObject({ ok: true, value: { serviceAvailable: false } });
    expect(await without.dispatch('flow.start', { flow: 'forgotPassword', username: 'ann' }, context)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const withEngine = await optionsFor({ directory }, () => ({}) as FlowEngine);
    expect(await withEngine.dispatch('app.info', {}, context)).toMatchObject({ ok: true, value: { serviceAvailable: true } });
  });

  it('still starts a kiosk on a broken configuration, out of order, naming the bad key', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const options = await optionsFor({ directory, kiosk: { enabled: false, idleTimeoutSeconds: 1 } });
      expect(options).toMatchObject({ kioskMode: true, kioskId: 'WS-042' });
      expect(await options.dispatch('app.info', {}, context)).toMatchObject({ ok: true, value: { serviceAvailable: false, kiosk: { enabled: true } } });
      const logged = errors.mock.calls.map((args) => args.join(' ')).join('\n');
      expect(logged).toContain('kiosk.idleTimeoutSeconds');
      expect(logged).not.toContain(allSecrets.servicePassword);
    } finally {
      errors.mockRestore();
    }
  });
});
