import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames } from '../../../shared/calls';
import type { Dispatch } from '../../../electron/handlers/dispatch';
import type { ShellOptions } from '../../../electron/shell/main';
import { fakeElectron, fakeEvent, FakeBrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);
const { startShell } = await import('../../../electron/shell/main');

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'dispatched' }));
const options = (kioskMode = true): ShellOptions => ({ kioskMode, kioskId: 'LOBBY-01', dispatch, rendererDir: '/app/dist/renderer', preloadPath: '/app/dist/electron/preload.cjs' });

beforeEach(() => {
  resetFakeElectron();
  fakeElectron.app.whenReady.mockImplementation(async () => undefined);
});

describe('startShell', () => {
  it('registers the scheme and takes the lock before ready; handlers and the window only after', async () => {
    const ready = deferred();
    fakeElectron.app.whenReady.mockImplementation(() => ready.promise);
    const started = startShell(options());
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(fakeElectron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(fakeElectron.protocol.handle).not.toHaveBeenCalled();
    expect(fakeElectron.ipcMain.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);

    ready.resolve();
    const window = await started;
    expect(window).toBe(FakeBrowserWindow.instances[0]);
    expect(fakeElectron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fakeElectron.ipcMain.handle).toHaveBeenCalledTimes(callNames.length);
    expect(fakeElectron.session.defaultSession.permissionRequestHandler).toBeDefined();
    expect(fakeElectron.app.listenerCount('web-contents-created')).toBe(1);
  });

  it('waits for options that are still loading (the configuration)', async () => {
    const loading = deferred<ShellOptions>();
    const started = startShell(loading.promise);
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    await new Promise((tick) => setTimeout(tick, 0));
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    loading.resolve(options(false));
    await started;
    expect(FakeBrowserWindow.instances[0]!.options).toMatchObject({ kiosk: false, closable: true });
  });

  it('opens a kiosk window with the preload when the configuration says kiosk', async () => {
    const window = (await startShell(options(true))) as unknown as FakeBrowserWindow;
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, alwaysOnTop: true, closable: false });
    expect(window.options.webPreferences).toMatchObject({ preload: '/app/dist/electron/preload.cjs', sandbox: true, devTools: false });
    expect(window.loadURL).toHaveBeenCalledWith('app://sesame/index.html');
  });

  it('wires IPC to the window it created: its main frame is dispatched, with the kiosk id', async () => {
    const window = (await startShell(options())) as unknown as FakeBrowserWindow;
    const [, listener] = fakeElectron.ipcMain.handle.mock.calls.find(([channel]) => channel === 'sesame:app.info')!;
    const contents = window.webContents;
    await (listener as (...args: unknown[]) => Promise<unknown>)({ sender: contents, senderFrame: contents.mainFrame }, {});
    expect(dispatch).toHaveBeenCalledWith('app.info', {}, { kioskId: 'LOBBY-01', clientId: `window-${contents.id}` });
  });

  it('exits as a second instance without a window or handlers', async () => {
    fakeElectron.app.requestSingleInstanceLock.mockImplementation(() => false);
    expect(await startShell(options())).toBeUndefined();
    expect(fakeElectron.app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(fakeElectron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('brings its window back when a second instance starts', async () => {
    const window = (await startShell(options())) as unknown as FakeBrowserWindow;
    window.isMinimized.mockReturnValue(true);
    fakeElectron.app.emit('second-instance', fakeEvent(), [], 'C:\\');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('lets devtools load only in unpackaged builds', async () => {
    const devtoolsCancelled = () => {
      let cancel: boolean | undefined;
      fakeElectron.session.defaultSession.beforeRequest!({ url: 'devtools://devtools/bundled/x.html', resourceType: 'mainFrame' }, (r) => (cancel = r.cancel));
      return cancel;
    };
    await startShell(options());
    expect(devtoolsCancelled()).toBe(true);
    resetFakeElectron();
    fakeElectron.app.isPackaged = false;
    const window = (await startShell(options())) as unknown as FakeBrowserWindow;
    expect(devtoolsCancelled()).toBe(false);
    expect(window.options.webPreferences).toMatchObject({ devTools: true });
  });

  it('quits when its window is gone', async () => {
    await startShell(options());
    fakeElectron.app.emit('window-all-closed');
    expect(fakeElectron.app.quit).toHaveBeenCalled();
  });
});
