/**
 * electron-builder's `dir` target on this machine: the real build configuration, the vite bundles of the
 * main process and preload, and a stand-in Electron Windows folder (no Electron binary can be downloaded
 * here). Proves what the packaged app carries: fuses flipped in the executable, the asar-integrity
 * resource matching app.asar, only the bundles in the asar, the renderer languages' locales.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, getRawHeader, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build as electronBuilder, Platform } from 'electron-builder';
import { NtExecutable, NtExecutableResource } from 'resedit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build as viteBuild } from 'vite';
import config from '../../build/electron-builder.config';
import { sesameFuses } from '../../build/fuses';
import { buildStandInElectronDist, installedElectronVersion } from './stand-in-electron-dist';
import { assertPackagingTools } from './tools';

const root = join(import.meta.dirname, '..', '..');
let work: string;
let electronDist: string;
let appDir: string;
const asarPath = () => join(appDir, 'resources', 'app.asar');

beforeAll(async () => {
  assertPackagingTools();
  work = await mkdtemp(join(tmpdir(), 'sesame-builder-'));
  const electronVersion = await installedElectronVersion(root);
  electronDist = await buildStandInElectronDist(join(work, 'electron-win32-x64'), electronVersion);

  // A project holding only what the `files` patterns pack: package.json, the bundles, a placeholder renderer.
  const project = join(work, 'project');
  for (const viteConfig of ['vite.main.config.ts', 'vite.preload.config.ts']) {
    await viteBuild({ configFile: join(root, 'build', viteConfig), logLevel: 'silent', build: { outDir: join(project, 'dist', 'electron') } });
  }
  await mkdir(join(project, 'dist', 'renderer'), { recursive: true });
  await writeFile(join(project, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Sesame (placeholder renderer)</title>\n');
  await mkdir(join(project, 'node_modules', 'stray'), { recursive: true });
  await writeFile(join(project, 'node_modules', 'stray', 'index.js'), 'must not be packed\n');
  const { version, description } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string; description: string };
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'sesame', version, description, author: 'Sesame', type: 'module', main: 'dist/electron/main.js' }));

  await electronBuilder({
    projectDir: project,
    targets: Platform.WINDOWS.createTarget('dir', Arch.x64),
    config: { ...config, electronDist, electronVersion, directories: { output: join(work, 'out') } },
  });
  appDir = join(work, 'out', 'win-unpacked');
}, 240_000);
afterAll(() => (work ? rm(work, { recursive: true, force: true }) : undefined));

// How a fuse reads in the wire: ASCII '1' on, '0' off (@electron/fuses' FuseState, not exported).
const FuseState = { ENABLE: '1'.charCodeAt(0), DISABLE: '0'.charCodeAt(0) } as const;
const fuseName = (option: string) => option.charAt(0).toUpperCase() + option.slice(1);

describe('electron-builder dir target (stand-in Electron)', () => {
  it('names the executable after the product', async () => {
    const files = await readdir(appDir);
    expect(files).toContain('Sesame.exe');
    expect(files).not.toContain('electron.exe');
  });

  it('flips every declared fuse in Sesame.exe (the stand-in shipped with Electron defaults)', async () => {
    const shipped = await getCurrentFuseWire(join(electronDist, 'electron.exe'));
    expect(shipped[FuseV1Options.RunAsNode]).toBe(FuseState.ENABLE);
    expect(shipped[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.DISABLE);
    const wire = await getCurrentFuseWire(join(appDir, 'Sesame.exe'));
    for (const [option, enabled] of Object.entries(sesameFuses)) {
      const index = FuseV1Options[fuseName(option) as keyof typeof FuseV1Options];
      expect(wire[index], option).toBe(enabled ? FuseState.ENABLE : FuseState.DISABLE);
    }
  });

  it('embeds the asar integrity resource matching app.asar (checked at start by the integrity fuse)', async () => {
    const executable = NtExecutable.from(await readFile(join(appDir, 'Sesame.exe')));
    const entry = NtExecutableResource.from(executable).entries.find((e) => e.type === 'INTEGRITY' && e.id === 'ELECTRONASAR');
    expect(entry).toBeDefined();
    const integrity = JSON.parse(Buffer.from(entry!.bin).toString('utf8')) as { file: string; alg: string; value: string }[];
    const headerHash = createHash('sha256').update(getRawHeader(asarPath()).headerString).digest('hex');
    expect(integrity).toContainEqual({ file: 'resources\\app.asar', alg: 'SHA256', value: headerHash });
  });

  it('packs only the bundles, the renderer and package.json into app.asar; no node_modules', () => {
    const files = listPackage(asarPath(), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/dist/electron/main.js', '/dist/electron/preload.cjs', '/dist/electron/common-passwords.txt', '/dist/renderer/index.html']));
    expect(files.filter((f) => f.includes('node_modules'))).toEqual([]);
    expect(files.filter((f) => !f.startsWith('/dist') && f !== '/package.json')).toEqual([]);
    const packaged = JSON.parse(extractFile(asarPath(), 'package.json').toString('utf8')) as { main: string };
    expect(packaged.main).toBe('dist/electron/main.js');
  });

  it('keeps only the locales of the renderer languages', async () => {
    expect((await readdir(join(appDir, 'locales'))).sort()).toEqual(['de.pak', 'en-US.pak', 'fr.pak']);
  });
});
