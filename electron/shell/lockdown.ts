/**
 * Everything the renderer could use to leave the app is refused here: navigation, redirects, new windows,
 * webviews, permissions and devices, downloads, requests to anything but app://, and the keys that print,
 * reload or open devtools. Applied to every web contents the app ever creates, not only our window.
 */
import { app, session as electronSession, type Event, type Input, type Session, type WebContents } from 'electron';
import { isAppUrl } from './protocol';

export interface LockdownSettings {
  /** Devtools (dev builds only) load from devtools://; packaged builds refuse them too. */
  allowDevTools: boolean;
}

const prevent = (event: Event): void => event.preventDefault();

/** Print, reload and devtools shortcuts (with no menu Electron binds none, this holds if that changes). */
export function isBlockedShortcut(input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'shift' | 'alt'>): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const command = input.control || input.meta;
  if (key === 'f5' || key === 'f12' || key === 'browserback' || key === 'browserforward' || key === 'browserrefresh') return true;
  if (command && (key === 'p' || key === 'r' || key === 's' || key === 'o')) return true;
  if (command && input.shift && (key === 'i' || key === 'j' || key === 'c')) return true;
  if (input.alt && (key === 'arrowleft' || key === 'arrowright')) return true;
  return false;
}

export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', prevent);
  contents.on('will-frame-navigate', prevent);
  contents.on('will-redirect', prevent);
  contents.on('will-attach-webview', prevent);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input)) event.preventDefault();
  });
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}

/** True when a request may proceed: the app's own files, data: images (the QR code), devtools in dev builds. */
export function isAllowedRequest(url: string, resourceType: string, settings: LockdownSettings): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:') && resourceType === 'image') return true;
  return settings.allowDevTools && url.startsWith('devtools://');
}

export function lockDownSession(session: Session, settings: LockdownSettings): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, details.resourceType, settings) });
  });
  session.on('will-download', prevent);
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}

/** Locks down the default session and every web contents created from now on; call before any window. */
export function lockDownApp(settings: LockdownSettings): void {
  lockDownSession(electronSession.defaultSession, settings);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  // No HTTP auth prompts and no client certificate offered to anyone: the kiosk talks to nothing on the web.
  app.on('login', (event, _contents, _details, _authInfo, callback) => {
    event.preventDefault();
    callback();
  });
  app.on('select-client-certificate', (event, _contents, _url, _list, callback) => {
    event.preventDefault();
    callback();
  });
}

/**
 * One kiosk per session: a second start quits at once and brings the running window back to the front.
 * Returns false when this process is the second instance (and is quitting).
 */
export function enforceSingleInstance(focusExisting: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', focusExisting);
  return true;
}
