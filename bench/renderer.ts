/**
 * Renderer measures for `npm run bench`:
 * - renderer_js_gzip_kb: gzip size of all JavaScript of the production renderer build (target <= 150).
 * - renderer_tti_ratio: time to interactive of the start screen (served by the Sesame host, app.info
 *   answered) over that of a blank Vite React page, same Chromium, fresh context per load, medians of
 *   alternating loads (target <= 1.2). TTI = navigation start to the page's "interactive" performance mark.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import type { AppInfo } from '../shared/app';
import { MemoryAuditLog } from '../electron/audit/file-audit-log';
import { defaultQuestionCatalogue } from '../electron/config/default-questions';
import { directoryConfigSchema } from '../electron/directory/config';
import { PasswordModifyAdapter } from '../electron/directory/password-modify/adapter';
import { MemoryEnrollmentStore } from '../electron/enrollment/memory-store';
import { flowConfigSchema } from '../electron/flows/config';
import { createFlowEngine } from '../electron/flows/engine';
import { createDispatch } from '../electron/handlers/dispatch';
import { createHandlers } from '../electron/handlers/handlers';
import { startHost } from '../electron/host/server';

const repoRoot = join(import.meta.dirname, '..');
const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function buildRenderer(outDir: string): Promise<void> {
  await build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
}

async function jsGzipBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true })) {
    if (entry.endsWith('.js')) total += gzipSync(await readFile(join(dir, entry)), { level: 9 }).length;
  }
  return total;
}

export async function benchRendererJsGzipKb(): Promise<number> {
  const outDir = await mkdtemp(join(tmpdir(), 'sesame-bench-renderer-'));
  try {
    await buildRenderer(outDir);
    return (await jsGzipBytes(outDir)) / 1024;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timeToMark(browser: Browser, url: string, mark: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error("pageerror", url, e.message));
    await page.goto(url);
    const handle = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, mark, { timeout: 15_000 });
    return Number(await handle.jsonValue());
  } finally {
    await context.close();
  }
}

/** A host whose flows are configured but never called: the start screen only asks app.info. */
function startScreenDispatch() {
  const directory = new PasswordModifyAdapter(
    directoryConfigSchema.parse({ kind: 'passwordModify', servers: ['ldaps://127.0.0.1:1'], serviceBindDn: 'cn=unused', servicePassword: 'unused', baseDns: ['dc=example'], loginAttributes: ['uid'] }),
  );
  const config = flowConfigSchema.parse({ catalogue: defaultQuestionCatalogue, keys: { totpSecretKey: Buffer.alloc(32, 1).toString('base64'), decoyKey: Buffer.alloc(32, 2).toString('base64') } });
  const engine = createFlowEngine({ directory, store: new MemoryEnrollmentStore(), audit: new MemoryAuditLog(), config });
  const appInfo: AppInfo = {
    languages: { default: 'en', available: ['en', 'de', 'fr'] },
    kiosk: { enabled: true, idleTimeoutSeconds: 90, enabledFlows: ['forgotPassword', 'unlockAccount', 'changePassword', 'enroll'], helpDeskOffered: false },
    serviceAvailable: true,
  };
  return { dispatch: createDispatch(createHandlers({ appInfo, engine })), close: () => directory.close() };
}

export async function benchRendererTtiRatio(loads = 15): Promise<number> {
  const work = await mkdtemp(join(tmpdir(), 'sesame-bench-tti-'));
  const sesameDir = join(work, 'sesame');
  const blankDir = join(work, 'blank');
  const { dispatch, close } = startScreenDispatch();
  try {
    await buildRenderer(sesameDir);
    await build({ root: join(import.meta.dirname, 'blank-react'), plugins: [react()], logLevel: 'silent', build: { outDir: blankDir, emptyOutDir: true, target: 'chrome120', modulePreload: { polyfill: false } } });
    const sesameHost = await startHost({ staticRoot: sesameDir, perSessionRate: { capacity: 1000, perSecond: 1000 } }, dispatch);
    const blankHost = await startHost({ staticRoot: blankDir }, dispatch);
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      // Warm-up: the first launch pays for disk caches of Chromium itself.
      await timeToMark(browser, blankHost.url, 'blank:interactive');
      await timeToMark(browser, sesameHost.url, 'sesame:start-interactive');
      const sesame: number[] = [];
      const blank: number[] = [];
      for (let i = 0; i < loads; i++) {
        const order = i % 2 === 0 ? ['blank', 'sesame'] : ['sesame', 'blank'];
        for (const which of order) {
          if (which === 'blank') blank.push(await timeToMark(browser, blankHost.url, 'blank:interactive'));
          else sesame.push(await timeToMark(browser, sesameHost.url, 'sesame:start-interactive'));
        }
      }
      if (process.env.BENCH_VERBOSE) console.error(`tti sesame ${median(sesame)} ms, blank ${median(blank)} ms`);
      return median(sesame) / median(blank);
    } finally {
      await browser.close();
      await Promise.all([sesameHost.close(), blankHost.close()]);
    }
  } finally {
    await close();
    await rm(work, { recursive: true, force: true });
  }
}
