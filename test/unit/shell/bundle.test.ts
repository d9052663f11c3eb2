/** The vite builds of the main process and the preload (npm run build:electron), built into a temp dir. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from 'vite';
import { callNames } from '../../../shared/calls';

const root = join(import.meta.dirname, '..', '..', '..');
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'sesame-bundle-'));
  for (const config of ['vite.main.config.ts', 'vite.preload.config.ts']) {
    await build({ configFile: join(root, 'build', config), logLevel: 'silent', build: { outDir } });
  }
}, 60_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('electron bundles', () => {
  it('bundles the main process as one ES module importing only electron and Node built-ins', async () => {
    const main = await readFile(join(outDir, 'main.js'), 'utf8');
    const specifiers = [...main.matchAll(/(?:^|\n)\s*import\s[^;]*?from\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|\brequire\(\s*["']([^"']+)["']\s*\)/g)].map(
      (match) => match[1] ?? match[2] ?? match[3],
    );
    expect(specifiers).toContain('electron');
    const allowed = new Set(['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    expect(specifiers.filter((specifier) => !allowed.has(specifier!))).toEqual([]);
    // The entry starts the shell with paths next to itself.
    expect(main).toContain('preload.cjs');
    expect(main).toContain('app://sesame/index.html');
  });

  it('ships the common-password list beside main.js, where the quality check reads it', async () => {
    const main = await readFile(join(outDir, 'main.js'), 'utf8');
    expect(main).toContain('new URL("./common-passwords.txt", import.meta.url)');
    const list = (await readFile(join(outDir, 'common-passwords.txt'), 'utf8')).split('\n');
    expect(list.length).toBeGreaterThan(9000);
    expect(list).toContain('password');
    expect(await readFile(join(outDir, 'common-passwords.LICENSE.txt'), 'utf8')).toMatch(/MIT|permission/i);
  });

  it('bundles the preload as CommonJS that runs where only electron can be required (sandbox)', async () => {
    const code = await readFile(join(outDir, 'preload.cjs'), 'utf8');
    const exposeInMainWorld = vi.fn();
    const executeInMainWorld = vi.fn();
    const fakeElectron = { contextBridge: { exposeInMainWorld, executeInMainWorld }, ipcRenderer: { invoke: vi.fn() } };
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return fakeElectron;
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code)(sandboxRequire, module, module.exports);
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('sesame');
    expect(Object.keys(api as object).sort()).toEqual([...callNames].sort());
    expect(executeInMainWorld).toHaveBeenCalledTimes(1);
  });
});
