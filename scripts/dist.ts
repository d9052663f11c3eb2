/**
 * npm run dist -- [--app-dir <unpacked app>] [--version x.y.z] [--stand-in]
 * Builds installer/out/Sesame-<version>.msi with wixl from electron-builder's `dir` output
 * (default dist/win-unpacked). --stand-in packages a mingw-built stand-in instead, for machines without the
 * Electron Windows runtime. Needs Debian packages wixl and msitools (and mingw-w64 for --stand-in).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildMsi } from './installer/build-msi';
import { buildStandInApp } from './installer/stand-in-app';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { 'app-dir': { type: 'string' }, version: { type: 'string' }, 'stand-in': { type: 'boolean', default: false } },
});
const packageVersion = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string }).version;
// Windows Installer versions are numeric; a prerelease suffix cannot be expressed.
const version = values.version ?? packageVersion.replace(/[-+].*$/, '');
const outDir = join(root, 'installer', 'out');
const appDir = values['stand-in']
  ? await buildStandInApp(join(outDir, 'stand-in-app'), version)
  : (values['app-dir'] ?? join(root, 'dist', 'win-unpacked'));

const msi = await buildMsi({ appDir, version, outDir });
console.log(`built ${msi} from ${appDir}`);
