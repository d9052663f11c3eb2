import { afterEach, describe, expect, it, vi } from 'vitest';
import config from '../../../build/electron-builder.config';
import { sesameFuses } from '../../../build/fuses';
import { upgradeCode } from '../../../scripts/installer/msi-properties';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('electron-builder configuration', () => {
  it('names the product and packs only the bundled app into an asar', () => {
    expect(config).toMatchObject({ appId: 'org.sesame.kiosk', productName: 'Sesame', executableName: 'Sesame', asar: true, npmRebuild: false });
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', '!**/node_modules/**/*']));
    expect(config.extraMetadata).toEqual({ main: 'dist/electron/main.js' });
  });

  it('declares the fuses: no run-as-node, NODE_OPTIONS or --inspect; asar-only with integrity; encrypted cookies', () => {
    expect(config.electronFuses).toBe(sesameFuses);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('targets Windows dir and MSI, per machine, with the fixed upgrade code and no shortcuts or autostart', () => {
    const targets = (config.win?.target as { target: string; arch: string[] }[]).map(({ target, arch }) => `${target}:${arch.join()}`);
    expect(targets).toEqual(['dir:x64', 'msi:x64']);
    expect(config.msi).toMatchObject({ perMachine: true, upgradeCode, createDesktopShortcut: false, createStartMenuShortcut: false, runAfterFinish: false });
    // The same code as the wixl MSI, so either build upgrades the other.
    expect(upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(config.nsis).toMatchObject({ perMachine: true, createDesktopShortcut: false, runAfterFinish: false });
    expect(config.publish).toBeNull();
  });

  it('uses the Electron Windows folder from SESAME_ELECTRON_DIST, and downloads nothing when it is set', async () => {
    expect(config).not.toHaveProperty('electronDist');
    vi.stubEnv('SESAME_ELECTRON_DIST', '/opt/electron-win32-x64');
    const { default: withDist } = await import('../../../build/electron-builder.config');
    expect(withDist.electronDist).toBe('/opt/electron-win32-x64');
  });
});
