/**
 * Electron fuses flipped in the packaged binary: it can never run as plain Node, honour NODE_OPTIONS or
 * --inspect, or load app code from anywhere but the integrity-checked app.asar.
 */
import type { Configuration } from 'electron-builder';

type FuseOptions = NonNullable<Configuration['electronFuses']>;

export const sesameFuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  // Cookies on disk encrypted with the OS key, as Chrome does.
  enableCookieEncryption: true,
  // The renderer loads from app://, never file://, so file:// keeps no extra powers.
  grantFileProtocolExtraPrivileges: false,
  loadBrowserProcessSpecificV8Snapshot: false,
} as const satisfies FuseOptions;
