/**
 * Wires the shell in the order Electron needs: the app:// scheme and the single-instance lock before
 * ready; after ready, the lockdown, the contract's IPC handlers, the app:// handler, then the window.
 */
import { app, type BrowserWindow } from 'electron';
import type { Dispatch } from '../handlers/dispatch';
import { registerContractHandlers } from './ipc';
import { enforceSingleInstance, lockDownApp } from './lockdown';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createAppWindow } from './window';

export interface ShellOptions {
  /** From the configuration (kiosk.enabled); a broken configuration still starts in kiosk mode. */
  kioskMode: boolean;
  /** Names this kiosk in audit records (kiosk.id). */
  kioskId: string;
  /** The transport-free dispatch every contract call goes through. */
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** The bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
}

/**
 * Starts the shell. Options may still be loading (the configuration reads the registry): the scheme and
 * the lock are taken at once, since both must precede ready. Resolves with the window, or undefined when
 * another instance already runs.
 */
export async function startShell(options: ShellOptions | Promise<ShellOptions>): Promise<BrowserWindow | undefined> {
  registerAppScheme();
  // Filled once ready; the second-instance and IPC callbacks read it when they run.
  const shell: { window?: BrowserWindow } = {};
  const focusExisting = () => {
    const { window } = shell;
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  if (!enforceSingleInstance(focusExisting)) return undefined;
  app.on('window-all-closed', () => app.quit());

  const [settings] = await Promise.all([options, app.whenReady()]);
  lockDownApp({ allowDevTools: !app.isPackaged });
  registerContractHandlers({ dispatch: settings.dispatch, kioskId: settings.kioskId, appContents: () => shell.window?.webContents });
  handleAppProtocol(settings.rendererDir);
  shell.window = createAppWindow({ kioskMode: settings.kioskMode, preloadPath: settings.preloadPath, isPackaged: app.isPackaged });
  return shell.window;
}
