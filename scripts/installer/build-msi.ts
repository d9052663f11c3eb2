/**
 * Builds installer/out/Sesame-<version>.msi from an unpacked app folder with wixl (Debian package wixl):
 * files harvested by wixl-heat, then two table edits wixl cannot express, made with msibuild (msitools):
 * component conditions (a policy value is written only when its property is set) and Secure properties.
 */
import { execFile } from 'node:child_process';
import { access, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { mainExecutable, msiPolicyProperties } from './msi-properties';
import { policyComponentId, renderProductWxs } from './wxs';

const run = promisify(execFile);

export interface BuildMsiOptions {
  appDir: string;
  /** Product version, three numeric parts (Windows Installer compares only these). */
  version: string;
  outDir: string;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

function pipeInto(command: string, args: string[], input: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command} failed: ${stderr || error.message}`)) : resolvePromise(stdout),
    );
    child.stdin?.end(input);
  });
}

async function msiQuery(msi: string, sql: string): Promise<void> {
  await run('msibuild', [msi, '-q', sql]);
}

export async function buildMsi(options: BuildMsiOptions): Promise<string> {
  if (!/^\d{1,3}\.\d{1,3}\.\d{1,5}$/.test(options.version)) throw new Error(`MSI version must be major.minor.build, got "${options.version}"`);
  const appDir = resolve(options.appDir);
  await access(join(appDir, mainExecutable)).catch(() => {
    throw new Error(`${appDir} is not an unpacked app folder: no ${mainExecutable}`);
  });
  const outDir = resolve(options.outDir);
  const work = join(outDir, `build-${options.version}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });

  const files = await listFiles(appDir);
  const harvested = await pipeInto(
    'wixl-heat',
    ['-p', `${appDir}/`, '--directory-ref', 'INSTALLDIR', '--component-group', 'AppFiles', '--var', 'var.SourceDir', '--win64'],
    files.map((f) => `${appDir}/${relative(appDir, f)}`).join('\n') + '\n',
  );
  await writeFile(join(work, 'files.wxs'), harvested);
  await writeFile(join(work, 'product.wxs'), renderProductWxs());

  const msi = join(outDir, `Sesame-${options.version}.msi`);
  await rm(msi, { force: true });
  // wixl resolves sources only relative to its working directory.
  await run('wixl', ['-a', 'x64', '-D', `Version=${options.version}`, '-D', 'SourceDir=.', '-D', 'Win64=yes', '-o', msi, join(work, 'product.wxs'), join(work, 'files.wxs')], { cwd: appDir });

  const properties = Object.keys(msiPolicyProperties);
  for (const property of properties) {
    await msiQuery(msi, `UPDATE Component SET Condition = '${property}' WHERE Component = '${policyComponentId(property)}'`);
  }
  // wixl writes SecureCustomProperties for its upgrade properties only; ours must pass to the server side too.
  const secure = ['WIX_DOWNGRADE_DETECTED', 'WIX_UPGRADE_DETECTED', ...properties, ...properties.map((p) => `SAVED_${p}`)];
  await msiQuery(msi, `UPDATE Property SET Value = '${secure.join(';')}' WHERE Property = 'SecureCustomProperties'`);
  return msi;
}
