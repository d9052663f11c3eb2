/** The shell serves the help desk only when the configuration deploys one and the kiosk offers it. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SesameConfiguration } from '../../../electron/config/schema';
import type { FlowEngine } from '../../../electron/flows/engine';
import { createHelpdeskHandlers } from '../../../electron/helpdesk/handlers';
import type { HelpdeskService } from '../../../electron/helpdesk/service';
import { configuredShellOptions } from '../../../electron/shell/configured';
import { allSecrets, memorySecrets } from '../config/memory-secrets';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sesame-shell-helpdesk-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const directory = { kind: 'passwordModify', servers: ['ldaps://ldap.example.test'], serviceBindDn: 'cn=svc', baseDns: ['dc=example'], loginAttributes: ['uid'] };
const helpdesk = { rights: [{ groupDn: 'cn=helpdesk,dc=example', rights: ['readState', 'unlock'] }], callerVerification: 'totp' };
const context = { kioskId: 'k', clientId: 'c' };

/** A help-desk service that answers every sign-in "signedOut", so the test sees which side answered. */
const answeringService = new Proxy({}, { get: () => () => Promise.resolve({ view: 'signedOut' }) }) as HelpdeskService;

async function optionsFor(settings: unknown) {
  const configFile = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(configFile, JSON.stringify(settings));
  const composedWith: SesameConfiguration[] = [];
  const options = await configuredShellOptions({
    rendererDir: '/app/dist/renderer',
    preloadPath: '/app/dist/electron/preload.cjs',
    hostName: 'WS-042',
    machine: { configFile, platform: 'linux', env: {}, secrets: memorySecrets(allSecrets) },
    composeEngine: () => ({}) as FlowEngine,
    composeHelpdesk: (config) => {
      composedWith.push(config);
      return config.helpdesk ? createHelpdeskHandlers(answeringService) : undefined;
    },
  });
  return { options, composedWith };
}

const signIn = { username: 'operator', password: 'Operator-1' };

describe('help desk in the shell', () => {
  it('is served when the kiosk offers it and the configuration file has a helpdesk section (rights, verification)', async () => {
    const { options, composedWith } = await optionsFor({ directory, kiosk: { helpDeskOffered: true }, helpdesk });
    expect(composedWith[0]?.helpdesk).toMatchObject({ rights: helpdesk.rights, callerVerification: 'totp', mustChangeByDefault: true });
    expect(await options.dispatch('helpdesk.signIn', signIn, context)).toEqual({ ok: true, value: { view: 'signedOut' } });
  });

  it('is unavailable on a kiosk that does not offer it, even with a helpdesk section', async () => {
    const { options, composedWith } = await optionsFor({ directory, helpdesk });
    expect(composedWith).toEqual([]);
    expect(await options.dispatch('helpdesk.signIn', signIn, context)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('is unavailable when the configuration deploys none', async () => {
    const { options } = await optionsFor({ directory, kiosk: { helpDeskOffered: true } });
    expect(await options.dispatch('helpdesk.signIn', signIn, context)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('refuses an unknown key in the helpdesk section, naming it', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { options } = await optionsFor({ directory, kiosk: { helpDeskOffered: true }, helpdesk: { ...helpdesk, superuser: true } });
      expect(await options.dispatch('app.info', {}, context)).toMatchObject({ ok: true, value: { serviceAvailable: false } });
      expect(errors.mock.calls.map((args) => args.join(' ')).join('\n')).toContain('helpdesk.superuser');
    } finally {
      errors.mockRestore();
    }
  });
});
