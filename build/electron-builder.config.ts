/**
 * electron-builder for Windows. On a networked Windows machine `--win msi` builds the MSI; here the `dir`
 * target runs against an Electron Windows folder given by SESAME_ELECTRON_DIST (nothing is downloaded),
 * and `npm run dist` turns that folder into the MSI with wixl. Both MSIs share one upgrade code.
 */
import type { Configuration } from 'electron-builder';
import { mainExecutable, upgradeCode } from '../scripts/installer/msi-properties';
import { sesameFuses } from './fuses';

const productName = 'Sesame';
const electronDist = process.env.SESAME_ELECTRON_DIST;

const config: Configuration = {
  appId: 'org.sesame.kiosk',
  productName,
  executableName: mainExecutable.replace(/\.exe$/, ''),
  copyright: 'Sesame contributors',
  directories: { output: 'dist', buildResources: 'build/resources' },
  // The main process and preload are bundled (build/vite.*.config.ts): the asar holds no node_modules.
  files: ['dist/electron/**/*', 'dist/renderer/**/*', 'package.json', '!**/node_modules/**/*', '!**/*.map'],
  extraMetadata: { main: 'dist/electron/main.js' },
  asar: true,
  ...(electronDist ? { electronDist } : {}),
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  includePdb: false,
  // Chromium locales for the renderer's languages only.
  electronLanguages: ['en-US', 'de', 'fr'],
  electronFuses: sesameFuses,
  win: {
    target: [
      { target: 'dir', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ],
    requestedExecutionLevel: 'asInvoker',
  },
  msi: {
    oneClick: true,
    perMachine: true,
    upgradeCode,
    runAfterFinish: false,
    createDesktopShortcut: false,
    createStartMenuShortcut: false,
    warningsAsErrors: true,
  },
  // Not a target; set so that anyone who adds it still gets a per-machine install without shortcuts.
  nsis: {
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: false,
    createDesktopShortcut: false,
    runAfterFinish: false,
  },
  publish: null,
};

export default config;
