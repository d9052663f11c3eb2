import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, fakeEvent, FakeWebContents, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);
const { enforceSingleInstance, isBlockedShortcut, lockDownApp, lockDownContents } = await import('../../../electron/shell/lockdown');

const session = fakeElectron.session.defaultSession;
beforeEach(resetFakeElectron);

function lockedContents(): FakeWebContents {
  lockDownApp({ allowDevTools: false });
  const contents = new FakeWebContents();
  fakeElectron.app.emit('web-contents-created', fakeEvent(), contents);
  return contents;
}

const key = (key: string, modifiers: Partial<Record<'control' | 'meta' | 'shift' | 'alt', boolean>> = {}) => ({
  type: 'keyDown',
  key,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...modifiers,
});

describe('lockdown of every web contents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (eventName) => {
    const contents = lockedContents();
    const event = fakeEvent({ url: 'https://example.org/' });
    contents.emit(eventName, event, 'https://example.org/');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window, whatever the URL', () => {
    const contents = lockedContents();
    for (const url of ['https://example.org/', 'app://sesame/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('applies to contents created later, not only the app window', () => {
    lockDownApp({ allowDevTools: false });
    const [first, second] = [new FakeWebContents(), new FakeWebContents()];
    fakeElectron.app.emit('web-contents-created', fakeEvent(), first);
    fakeElectron.app.emit('web-contents-created', fakeEvent(), second);
    expect(first.windowOpenHandler).toBeDefined();
    expect(second.listenerCount('will-navigate')).toBe(1);
  });

  it('swallows the print, reload and devtools keys but not typing', () => {
    const contents = lockedContents();
    for (const input of [key('p', { control: true }), key('P', { meta: true }), key('r', { control: true }), key('F5'), key('F12'), key('I', { control: true, shift: true }), key('ArrowLeft', { alt: true })]) {
      const event = fakeEvent();
      contents.emit('before-input-event', event, input);
      expect(event.preventDefault, JSON.stringify(input)).toHaveBeenCalled();
    }
    for (const input of [key('p'), key('P', { shift: true }), key('Enter'), key('a', { control: true }), key('Tab')]) {
      const event = fakeEvent();
      contents.emit('before-input-event', event, input);
      expect(event.preventDefault, JSON.stringify(input)).not.toHaveBeenCalled();
    }
    expect(isBlockedShortcut({ ...key('p', { control: true }), type: 'keyUp' })).toBe(false);
  });

  it('cancels a Bluetooth device chooser', () => {
    const contents = new FakeWebContents();
    lockDownContents(contents as never);
    const event = fakeEvent();
    const callback = vi.fn();
    contents.emit('select-bluetooth-device', event, [{ deviceId: 'x' }], callback);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(callback).toHaveBeenCalledWith('');
  });
});

describe('lockdown of the session', () => {
  it('refuses every permission request and check', () => {
    lockDownApp({ allowDevTools: false });
    for (const permission of ['media', 'geolocation', 'notifications', 'fileSystem', 'clipboard-read', 'openExternal', 'fullscreen', 'display-capture']) {
      const callback = vi.fn();
      (session.permissionRequestHandler as (...a: unknown[]) => void)({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect((session.permissionCheckHandler as (...a: unknown[]) => boolean)({}, permission, 'app://sesame', {})).toBe(false);
    }
    expect((session.devicePermissionHandler as (...a: unknown[]) => boolean)({ deviceType: 'usb' })).toBe(false);
    const display = vi.fn();
    (session.displayMediaRequestHandler as (...a: unknown[]) => void)({}, display);
    expect(display).toHaveBeenCalledWith({});
  });

  it('cancels every request that is not to app://sesame', () => {
    lockDownApp({ allowDevTools: false });
    const verdict = (url: string, resourceType = 'xhr') => {
      let cancel: boolean | undefined;
      session.beforeRequest!({ url, resourceType }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(verdict('app://sesame/index.html', 'mainFrame')).toBe(false);
    expect(verdict('app://sesame/assets/app.js', 'script')).toBe(false);
    expect(verdict('data:image/svg+xml;base64,PHN2Zz4=', 'image')).toBe(false);
    for (const url of ['https://example.org/', 'http://127.0.0.1:8080/api', 'file:///C:/Windows/win.ini', 'ws://127.0.0.1/', 'app://other/x', 'devtools://devtools/bundled/x.html']) {
      expect(verdict(url), url).toBe(true);
    }
    expect(verdict('data:text/html,<script>1</script>', 'subFrame')).toBe(true);
  });

  it('lets devtools load only when allowed (unpackaged builds)', () => {
    lockDownApp({ allowDevTools: true });
    let cancel: boolean | undefined;
    session.beforeRequest!({ url: 'devtools://devtools/bundled/x.html', resourceType: 'mainFrame' }, (r) => (cancel = r.cancel));
    expect(cancel).toBe(false);
  });

  it('prevents downloads and cancels HID, serial and USB choosers', () => {
    lockDownApp({ allowDevTools: false });
    const download = fakeEvent();
    session.emit('will-download', download, {}, {});
    expect(download.preventDefault).toHaveBeenCalled();
    for (const [eventName, args] of [['select-hid-device', [{}]], ['select-serial-port', [[], {}]], ['select-usb-device', [{}]]] as const) {
      const event = fakeEvent();
      const callback = vi.fn();
      session.emit(eventName, event, ...args, callback);
      expect(event.preventDefault, eventName).toHaveBeenCalled();
      expect(callback, eventName).toHaveBeenCalledTimes(1);
      expect(callback.mock.calls[0]!.filter(Boolean), eventName).toEqual([]);
    }
  });

  it('answers HTTP auth and client-certificate prompts with nothing', () => {
    lockDownApp({ allowDevTools: false });
    const login = fakeEvent();
    const loginCallback = vi.fn();
    fakeElectron.app.emit('login', login, {}, {}, {}, loginCallback);
    expect(login.preventDefault).toHaveBeenCalled();
    expect(loginCallback).toHaveBeenCalledWith();
    const certificate = fakeEvent();
    const certificateCallback = vi.fn();
    fakeElectron.app.emit('select-client-certificate', certificate, {}, 'https://x', [{ subjectName: 'machine' }], certificateCallback);
    expect(certificate.preventDefault).toHaveBeenCalled();
    expect(certificateCallback).toHaveBeenCalledWith();
  });
});

describe('single instance', () => {
  it('quits the second instance at once', () => {
    fakeElectron.app.requestSingleInstanceLock.mockImplementation(() => false);
    const focus = vi.fn();
    expect(enforceSingleInstance(focus)).toBe(false);
    expect(fakeElectron.app.quit).toHaveBeenCalled();
    expect(fakeElectron.app.listenerCount('second-instance')).toBe(0);
  });

  it('keeps the first and brings it to the front when another starts', () => {
    const focus = vi.fn();
    expect(enforceSingleInstance(focus)).toBe(true);
    expect(fakeElectron.app.quit).not.toHaveBeenCalled();
    fakeElectron.app.emit('second-instance', fakeEvent(), ['Sesame.exe'], 'C:\\');
    expect(focus).toHaveBeenCalledTimes(1);
  });
});
