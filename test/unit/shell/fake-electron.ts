/**
 * Stands in for the `electron` module (no Electron binary runs here): records every option and handler the
 * shell installs, so tests can assert them and call the handlers as Electron would.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
  parent: FakeFrame | null;
}

export function fakeFrame(url: string, ids: { processId: number; routingId: number }, parent: FakeFrame | null = null): FakeFrame {
  return { url, ...ids, parent };
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  mainFrame: FakeFrame = fakeFrame('app://sesame/index.html', { processId: 7, routingId: this.id });
  windowOpenHandler?: (details: { url: string }) => { action: string };
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type Handler = (...args: never[]) => unknown;

export class FakeSession extends EventEmitter {
  permissionRequestHandler?: Handler;
  permissionCheckHandler?: Handler;
  devicePermissionHandler?: Handler;
  displayMediaRequestHandler?: Handler;
  beforeRequest?: (details: { url: string; resourceType: string }, callback: (response: { cancel: boolean }) => void) => void;
  readonly webRequest = {
    onBeforeRequest: (listener: NonNullable<FakeSession['beforeRequest']>) => {
      this.beforeRequest = listener;
    },
  };
  setPermissionRequestHandler(handler: Handler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Handler): void {
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: Handler): void {
    this.displayMediaRequestHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn<(url: string) => Promise<void>>(async () => undefined);
  readonly removeMenu = vi.fn<(...args: unknown[]) => void>();
  readonly setAlwaysOnTop = vi.fn<(...args: unknown[]) => void>();
  readonly setKiosk = vi.fn<(...args: unknown[]) => void>();
  readonly show = vi.fn<(...args: unknown[]) => void>();
  readonly focus = vi.fn<(...args: unknown[]) => void>();
  readonly restore = vi.fn<(...args: unknown[]) => void>();
  readonly isMinimized = vi.fn<() => boolean>(() => false);
  readonly isDestroyed = vi.fn<() => boolean>(() => false);
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

/** A DOM-free Event with Electron's preventDefault. */
export function fakeEvent(extra: Record<string, unknown> = {}) {
  return { defaultPrevented: false, preventDefault: vi.fn(function (this: { defaultPrevented: boolean }) { this.defaultPrevented = true; }), ...extra };
}

const defaultSession = new FakeSession();

export const fakeElectron = {
  app: Object.assign(new EventEmitter(), {
    isPackaged: true,
    requestSingleInstanceLock: vi.fn<() => boolean>(() => true),
    quit: vi.fn<() => void>(),
    whenReady: vi.fn<() => Promise<void>>(async () => undefined),
  }),
  BrowserWindow: FakeBrowserWindow,
  Menu: { setApplicationMenu: vi.fn<(menu: null) => void>() },
  session: { defaultSession },
  protocol: {
    registerSchemesAsPrivileged: vi.fn<(schemes: { scheme: string; privileges: Record<string, boolean> }[]) => void>(),
    handle: vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>(),
  },
  ipcMain: { handle: vi.fn<(channel: string, listener: (...args: never[]) => unknown) => void>() },
  ipcRenderer: { invoke: vi.fn<(...args: unknown[]) => Promise<unknown>>(async () => ({ ok: true, value: 'answered' })) },
  contextBridge: { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>(), executeInMainWorld: vi.fn<(script: { func: unknown }) => void>() },
};

/** Forgets what earlier tests installed; objects stay the same, since the shell imported them by name. */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  fakeElectron.app.removeAllListeners();
  fakeElectron.app.isPackaged = true;
  fakeElectron.app.requestSingleInstanceLock.mockImplementation(() => true);
  defaultSession.removeAllListeners();
  Object.assign(defaultSession, { permissionRequestHandler: undefined, permissionCheckHandler: undefined, devicePermissionHandler: undefined, displayMediaRequestHandler: undefined, beforeRequest: undefined });
  FakeBrowserWindow.instances.length = 0;
}
