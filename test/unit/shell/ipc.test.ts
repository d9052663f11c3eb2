import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames, ipcChannel } from '../../../shared/calls';
import { createDispatch, type Dispatch } from '../../../electron/handlers/dispatch';
import { createHandlers } from '../../../electron/handlers/handlers';
import { testAppInfo } from '../../support/host/app-info';
import { fakeElectron, fakeFrame, FakeWebContents, resetFakeElectron, type FakeFrame } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);
const { registerContractHandlers } = await import('../../../electron/shell/ipc');

type Listener = (event: unknown, payload: unknown, language?: unknown) => Promise<unknown>;
const forbidden = { ok: false, error: { code: 'forbiddenSender', messageKey: 'error.forbiddenSender' } };

let appContents: FakeWebContents;
let dispatch: ReturnType<typeof vi.fn<Dispatch>>;

beforeEach(() => {
  resetFakeElectron();
  appContents = new FakeWebContents();
  dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'dispatched' }));
  registerContractHandlers({ dispatch, kioskId: 'kiosk-7', appContents: () => appContents as never });
});

function listener(channel: string): Listener {
  const call = fakeElectron.ipcMain.handle.mock.calls.find(([registered]) => registered === channel);
  expect(call, channel).toBeDefined();
  return call![1] as unknown as Listener;
}

const fromFrame = (sender: FakeWebContents, senderFrame: FakeFrame | null) => ({ sender, senderFrame });

describe('IPC registration', () => {
  it('registers exactly one handler per contract call, on its channel', () => {
    const channels = fakeElectron.ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(channels.sort()).toEqual(callNames.map((name) => ipcChannel(name)).sort());
  });

  it('dispatches a call from the main frame of the app window with the kiosk context', async () => {
    const result = await listener('sesame:flow.start')(fromFrame(appContents, appContents.mainFrame), { flow: 'forgotPassword', username: 'ann' }, 'de');
    expect(result).toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledWith('flow.start', { flow: 'forgotPassword', username: 'ann' }, { kioskId: 'kiosk-7', clientId: `window-${appContents.id}`, language: 'de' });
  });

  it('answers internal (a Result, not a rejection) should dispatch ever throw', async () => {
    dispatch.mockRejectedValueOnce(new Error('boom with Secret-Answer-1'));
    const result = await listener('sesame:app.info')(fromFrame(appContents, appContents.mainFrame), {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', messageKey: 'error.internal' } });
  });

  it('ignores a language that is not one of the app languages', async () => {
    await listener('sesame:app.info')(fromFrame(appContents, appContents.mainFrame), {}, 'xx-evil');
    expect(dispatch.mock.calls[0]![2]).toEqual({ kioskId: 'kiosk-7', clientId: `window-${appContents.id}` });
  });
});

describe('IPC sender validation', () => {
  const main = () => appContents.mainFrame;
  const cases: [string, () => { sender: FakeWebContents; senderFrame: FakeFrame | null }][] = [
    ['another web contents', () => { const other = new FakeWebContents(); return fromFrame(other, other.mainFrame); }],
    ['a subframe of the app window', () => fromFrame(appContents, fakeFrame('app://sesame/index.html', { processId: main().processId, routingId: 999 }, main()))],
    ['a frame with the main frame ids but a parent', () => fromFrame(appContents, fakeFrame('app://sesame/index.html', { processId: main().processId, routingId: main().routingId }, main()))],
    ['the main frame showing a foreign page', () => fromFrame(appContents, fakeFrame('https://example.org/', { processId: main().processId, routingId: main().routingId }))],
    ['the main frame showing file://', () => fromFrame(appContents, fakeFrame('file:///C:/app/index.html', { processId: main().processId, routingId: main().routingId }))],
    ['another process claiming the routing id', () => fromFrame(appContents, fakeFrame('app://sesame/index.html', { processId: 99, routingId: main().routingId }))],
    ['a frame that is gone (null senderFrame)', () => fromFrame(appContents, null)],
  ];

  it.each(cases)('answers forbiddenSender to %s without dispatching', async (_name, event) => {
    expect(await listener('sesame:flow.submitNewPassword')(event(), { sessionId: 'x'.repeat(16), newPassword: 'N3w-Passw0rd!' })).toEqual(forbidden);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses calls before the window exists and after it is destroyed', async () => {
    resetFakeElectron();
    const window: { contents?: FakeWebContents } = {};
    registerContractHandlers({ dispatch, kioskId: 'k', appContents: () => window.contents as never });
    const early = new FakeWebContents();
    expect(await listener('sesame:app.info')(fromFrame(early, early.mainFrame), {})).toEqual(forbidden);
    window.contents = early;
    early.destroyed = true;
    expect(await listener('sesame:app.info')(fromFrame(early, early.mainFrame), {})).toEqual(forbidden);
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('IPC through the real dispatch', () => {
  beforeEach(() => {
    resetFakeElectron();
    const real = createDispatch(createHandlers({ appInfo: testAppInfo }));
    registerContractHandlers({ dispatch: real, kioskId: 'kiosk-7', appContents: () => appContents as never });
  });

  it('answers app.info, and a Result (not a throw) for a malformed payload', async () => {
    expect(await listener('sesame:app.info')(fromFrame(appContents, appContents.mainFrame), {})).toEqual({ ok: true, value: { ...testAppInfo, serviceAvailable: false } });
    expect(await listener('sesame:flow.start')(fromFrame(appContents, appContents.mainFrame), { flow: 'nope' })).toEqual({ ok: false, error: { code: 'invalidRequest', messageKey: 'error.invalidRequest' } });
  });
});
