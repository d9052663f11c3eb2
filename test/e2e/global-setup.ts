/**
 * Builds the renderer; starts slapd with the engine and two Sesame hosts (one with a short idle timeout for
 * the idle test) and, alongside, Samba AD with its own engine and host; hands their facts to the tests
 * through the environment. Fails with the reason when anything cannot start: e2e never skips.
 */
import type { FullConfig } from '@playwright/test';
import { build } from 'vite';
import { createDispatch } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { helpdeskRights } from '../../electron/helpdesk/rights';
import { startHost } from '../../electron/host/server';
import { createLogger } from '../../electron/logging/logger';
import { startSambaStack, type SambaStack } from '../support/host/samba-stack';
import { rendererRoot, repoRoot, startStack } from '../support/host/stack';
import { e2eEnvName, type E2eFacts } from './facts';

export const shortIdleSeconds = 6;

export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  await build({ configFile: `${repoRoot}/vite.config.ts`, logLevel: 'warn' });
  // Faults reach the run's output (redacted by the logger), so a failing e2e says why.
  const logger = createLogger({ level: 'warn' });
  const flows = {
    answerHash: { N: 4096, r: 8, p: 1, keyLength: 32 },
    lockout: { failuresBeforeLockout: 3, lockoutDurationsSeconds: [300], timedLockoutsBeforePermanent: 1, failureWindowSeconds: 3600 },
    minResponseMs: 100,
  };
  const sambaStarting = startSambaStack({
    flows,
    logger,
    helpdesk: (samba) => ({ rights: [{ groupDn: samba.helpdeskGroupDn, rights: [...helpdeskRights] }, { groupDn: samba.helpdeskReadersGroupDn, rights: ['readState'] }] }),
  });
  sambaStarting.catch(() => undefined); // awaited below; a failure there fails the run with its reason
  const stack = await startStack({
    flows,
    logger,
    // Each test is one browser session; the limits are the defaults' shape, roomy enough for typing tests.
    host: { perSessionRate: { capacity: 60, perSecond: 10 } },
    // Help desk: the harness's delegated operators' group holds every right, its readers' group reads only.
    helpdesk: (slapd) => ({
      rights: [
        { groupDn: slapd.helpdeskGroupDn, rights: [...helpdeskRights] },
        { groupDn: slapd.helpdeskReadersGroupDn, rights: ['readState'] },
      ],
      callerVerification: 'either',
      searchPageSize: 2, // small, so the e2e pages through results
    }),
  });
  const idleInfo = {
    languages: { default: 'en' as const, available: ['en' as const, 'de' as const, 'fr' as const] },
    kiosk: { enabled: true, idleTimeoutSeconds: shortIdleSeconds, enabledFlows: ['forgotPassword' as const, 'unlockAccount' as const], helpDeskOffered: false },
    serviceAvailable: true,
  };
  const idleHost = await startHost({ staticRoot: rendererRoot }, createDispatch(createHandlers({ appInfo: idleInfo, engine: stack.engine })));
  let samba: SambaStack;
  try {
    samba = await sambaStarting;
  } catch (err) {
    await idleHost.close();
    await stack.stop();
    throw err;
  }
  const facts: E2eFacts = { url: stack.host.url, idleUrl: idleHost.url, idleSeconds: shortIdleSeconds, slapd: stack.slapd, sambaUrl: samba.host.url, samba: samba.samba };
  process.env[e2eEnvName] = JSON.stringify(facts);
  return async () => {
    await idleHost.close();
    await Promise.allSettled([stack.stop(), samba.stop()]);
  };
}
