import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, fakeEvent, FakeBrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);
const { createAppWindow, rendererRestartDelayMs, windowOptions } = await import('../../../electron/shell/window');

const preloadPath = '/app/dist/electron/preload.cjs';
beforeEach(resetFakeElectron);

function open(kioskMode: boolean, isPackaged = true): FakeBrowserWindow {
  createAppWindow({ kioskMode, preloadPath, isPackaged });
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
}

describe('app window', () => {
  it('runs the renderer sandboxed, isolated, without Node, with web security and the preload', () => {
    const { webPreferences } = windowOptions({ kioskMode: true, preloadPath, isPackaged: true });
    expect(webPreferences).toMatchObject({
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('allows devtools only in unpackaged builds', () => {
    expect(windowOptions({ kioskMode: true, preloadPath, isPackaged: false }).webPreferences?.devTools).toBe(true);
    expect(windowOptions({ kioskMode: false, preloadPath, isPackaged: true }).webPreferences?.devTools).toBe(false);
  });

  it('is a full-screen, always-on-top, unclosable kiosk in kiosk mode', () => {
    const window = open(true);
    expect(window.options).toMatchObject({
      fullscreen: true,
      kiosk: true,
      alwaysOnTop: true,
      closable: false,
      minimizable: false,
      resizable: false,
      movable: false,
      autoHideMenuBar: true,
    });
    expect(window.setAlwaysOnTop).toHaveBeenCalledWith(true, 'screen-saver');
  });

  it('is an ordinary closable window outside kiosk mode', () => {
    const window = open(false);
    expect(window.options).toMatchObject({ fullscreen: false, kiosk: false, alwaysOnTop: false, closable: true });
    const close = fakeEvent();
    window.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();
  });

  it('removes every menu and loads the app:// start page', () => {
    const window = open(true);
    expect(fakeElectron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(window.removeMenu).toHaveBeenCalled();
    expect(window.loadURL).toHaveBeenCalledWith('app://sesame/index.html');
  });

  it('refuses a user close in kiosk mode, but lets the app quit and the Windows session end', () => {
    const window = open(true);
    const byUser = fakeEvent();
    window.emit('close', byUser);
    expect(byUser.preventDefault).toHaveBeenCalled();

    fakeElectron.app.emit('before-quit');
    const onQuit = fakeEvent();
    window.emit('close', onQuit);
    expect(onQuit.preventDefault).not.toHaveBeenCalled();
  });

  it('lets a Windows session end close the kiosk', () => {
    const window = open(true);
    window.emit('session-end');
    const close = fakeEvent();
    window.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();
  });

  it('returns to kiosk full screen when something makes it leave', () => {
    const window = open(true);
    window.emit('leave-full-screen');
    expect(window.setKiosk).toHaveBeenCalledWith(true);
  });

  it('shows and focuses the window once ready', () => {
    const window = open(true);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});

describe('renderer crash', () => {
  it('reloads the start page after a pause when the renderer dies', () => {
    vi.useFakeTimers();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const window = open(true);
      expect(window.loadURL).toHaveBeenCalledTimes(1);
      window.webContents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 1 });
      expect(window.loadURL).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(rendererRestartDelayMs);
      expect(window.loadURL).toHaveBeenCalledTimes(2);
      expect(window.loadURL).toHaveBeenLastCalledWith('app://sesame/index.html');
    } finally {
      errors.mockRestore();
      vi.useRealTimers();
    }
  });
});
