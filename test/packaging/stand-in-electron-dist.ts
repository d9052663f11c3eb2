/**
 * A stand-in for an Electron Windows folder (electron-v*-win32-x64), which this machine cannot download:
 * a mingw-w64 PE carrying version information and Electron's fuse wire (sentinel, wire version 1, eight
 * fuses in Electron's shipped state), a real default_app.asar, locale packs and the version file. It runs
 * nothing; it lets electron-builder's `dir` target do everything it does to a real electron.exe.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPackage } from '@electron/asar';

const run = promisify(execFile);

/** @electron/fuses' sentinel; the wire that follows is Electron's default: run-as-node and NODE_OPTIONS on, etc. */
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const shippedFuseWire = '10110001';

const source = `/* Stand-in for electron.exe (packaging tests only, not Electron): carries the fuse wire. */
__attribute__((used)) static volatile const char fuse_wire[] = "${fuseSentinel}" "\\x01\\x08" "${shippedFuseWire}";
int main(void) { return fuse_wire[0] == 0; }
`;

function versionResource(version: string): string {
  const numbers = [...version.split('.'), '0'].slice(0, 4).join(',');
  return `1 VERSIONINFO
FILEVERSION ${numbers}
PRODUCTVERSION ${numbers}
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904b0"
    BEGIN
      VALUE "FileDescription", "Stand-in for electron.exe (packaging test, not Electron)"
      VALUE "ProductName", "Electron stand-in"
      VALUE "FileVersion", "${version}"
      VALUE "ProductVersion", "${version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
`;
}

export const standInLocales = ['en-US', 'de', 'fr', 'it', 'ja'];

/** Builds the folder in `dir` (its sources in `dir`-src) and returns `dir`. */
export async function buildStandInElectronDist(dir: string, electronVersion: string): Promise<string> {
  const work = `${dir}-src`;
  await mkdir(join(work, 'default-app'), { recursive: true });
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  await writeFile(join(work, 'electron.c'), source);
  await writeFile(join(work, 'electron.rc'), versionResource(electronVersion));
  await run('x86_64-w64-mingw32-windres', [join(work, 'electron.rc'), '-O', 'coff', '-o', join(work, 'electron.res')]);
  // Stripped: electron-builder's PE editor refuses binaries with a symbol table, as real Electron has none.
  await run('x86_64-w64-mingw32-gcc', ['-s', '-O2', '-o', join(dir, 'electron.exe'), join(work, 'electron.c'), join(work, 'electron.res')]);
  await writeFile(join(work, 'default-app', 'package.json'), '{"name":"default_app","main":"main.js"}\n');
  await writeFile(join(work, 'default-app', 'main.js'), '// stand-in default app\n');
  await createPackage(join(work, 'default-app'), join(dir, 'resources', 'default_app.asar'));
  for (const locale of standInLocales) await writeFile(join(dir, 'locales', `${locale}.pak`), `stand-in ${locale}\n`);
  await writeFile(join(dir, 'version'), electronVersion);
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for an Electron Windows build (packaging tests only).\n');
  return dir;
}

export async function installedElectronVersion(root: string): Promise<string> {
  return (JSON.parse(await readFile(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
}
