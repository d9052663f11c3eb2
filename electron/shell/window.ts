/**
 * The one window: in kiosk mode full screen, on top, without menu and not closable by the user; the
 * renderer runs sandboxed and context-isolated, without Node, and only from app://.
 */
import { app, BrowserWindow, Menu, type BrowserWindowConstructorOptions } from 'electron';
import { appStartUrl } from './protocol';

/** A crashed renderer comes back after this pause (a pause, so a crash loop cannot spin the CPU). */
export const rendererRestartDelayMs = 2000;

export interface WindowSettings {
  /** Kiosk (logon-screen helper session): no way out but the app's own buttons. */
  kioskMode: boolean;
  /** Absolute path of the bundled preload (CommonJS: sandboxed preloads cannot be ES modules). */
  preloadPath: string;
  /** Packaged builds never open devtools. */
  isPackaged: boolean;
}

export function windowOptions({ kioskMode, preloadPath, isPackaged }: WindowSettings): BrowserWindowConstructorOptions {
  return {
    show: false,
    title: 'Sesame',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    fullscreen: kioskMode,
    kiosk: kioskMode,
    alwaysOnTop: kioskMode,
    closable: !kioskMode,
    minimizable: !kioskMode,
    maximizable: !kioskMode,
    resizable: !kioskMode,
    movable: !kioskMode,
    fullscreenable: kioskMode,
    skipTaskbar: kioskMode,
    ...(kioskMode ? {} : { width: 1024, height: 768 }),
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !isPackaged,
    },
  };
}

/**
 * Creates the window and loads the start page. In kiosk mode a close request is refused unless the app
 * itself is quitting (app.quit, Windows session end), so sign-out and shutdown still work.
 */
export function createAppWindow(settings: WindowSettings): BrowserWindow {
  Menu.setApplicationMenu(null);
  const window = new BrowserWindow(windowOptions(settings));
  window.removeMenu();
  if (settings.kioskMode) {
    let quitting = false;
    app.on('before-quit', () => {
      quitting = true;
    });
    window.on('session-end', () => {
      quitting = true;
    });
    window.on('close', (event) => {
      if (!quitting) event.preventDefault();
    });
    // 'screen-saver' is the level above the taskbar; leaving full screen is undone at once.
    window.setAlwaysOnTop(true, 'screen-saver');
    window.on('leave-full-screen', () => window.setKiosk(true));
  }
  window.once('ready-to-show', () => {
    window.show();
    window.focus();
  });
  const load = () =>
    window.loadURL(appStartUrl).catch((error: unknown) => {
      console.error('cannot load the renderer:', error instanceof Error ? error.message : String(error));
    });
  // A kiosk must not stay blank: a renderer that dies starts again at the start screen, state gone.
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error('renderer gone:', details.reason);
    setTimeout(() => {
      if (!window.isDestroyed()) void load();
    }, rendererRestartDelayMs);
  });
  void load();
  return window;
}
