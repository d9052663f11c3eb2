/**
 * A stand-in for Electron's Windows runtime, which this machine does not have: a tiny PE built with
 * mingw-w64 (Debian gcc-mingw-w64-x86-64, binutils-mingw-w64-x86-64) carrying version information, put
 * where electron-builder's `dir` target puts the renamed electron.exe. It is not Electron and says so.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { mainExecutable } from './msi-properties';

const run = promisify(execFile);

const source = `/* Stand-in for electron.exe: exits at once. Used only to test packaging. */
int main(void) { return 0; }
`;

function resourceScript(version: string): string {
  const parts = [...version.split('.'), '0'].slice(0, 4).join(',');
  return `1 VERSIONINFO
FILEVERSION ${parts}
PRODUCTVERSION ${parts}
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904b0"
    BEGIN
      VALUE "CompanyName", "Sesame"
      VALUE "FileDescription", "Stand-in for electron.exe (packaging test, not Electron)"
      VALUE "FileVersion", "${version}"
      VALUE "ProductName", "Sesame"
      VALUE "ProductVersion", "${version}"
      VALUE "OriginalFilename", "stand-in-electron.exe"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
`;
}

/** Builds an unpacked-app-like folder: the stand-in executable plus a placeholder resources/app.asar. */
export async function buildStandInApp(dir: string, version: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  const work = join(dir, '..', `${dir.split('/').pop() ?? 'stand-in'}-src`);
  await mkdir(work, { recursive: true });
  await mkdir(join(dir, 'resources'), { recursive: true });
  await writeFile(join(work, 'stand-in-electron.c'), source);
  await writeFile(join(work, 'stand-in-electron.rc'), resourceScript(version));
  await run('x86_64-w64-mingw32-windres', [join(work, 'stand-in-electron.rc'), '-O', 'coff', '-o', join(work, 'stand-in-electron.res')]);
  await run('x86_64-w64-mingw32-gcc', ['-s', '-O2', '-o', join(dir, mainExecutable), join(work, 'stand-in-electron.c'), join(work, 'stand-in-electron.res')]);
  await writeFile(join(dir, 'resources', 'app.asar'), `stand-in app.asar for Sesame ${version}\n`);
  await writeFile(join(dir, 'LICENSE.stand-in.txt'), 'This folder is a packaging stand-in, not an Electron build.\n');
  return dir;
}
