/** Help-desk calls over Electron IPC: on their channels, through dispatch (schemas), to the deployed help desk. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { helpdeskCallNames } from '../../../shared/helpdesk';
import { ipcChannel } from '../../../shared/calls';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { createHandlers } from '../../../electron/handlers/handlers';
import { createHelpdeskHandlers } from '../../../electron/helpdesk/handlers';
import type { HelpdeskService } from '../../../electron/helpdesk/service';
import { testAppInfo } from '../../support/host/app-info';
import { fakeElectron, fakeFrame, FakeWebContents, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);
const { registerContractHandlers } = await import('../../../electron/shell/ipc');

type Listener = (event: unknown, payload: unknown, language?: unknown) => Promise<unknown>;

let appContents: FakeWebContents;
let received: { call: string; request: unknown; context: unknown }[];

beforeEach(() => {
  resetFakeElectron();
  appContents = new FakeWebContents();
  received = [];
  const service = new Proxy({} as HelpdeskService, {
    get: (_target, call: string) => (request: unknown, context: unknown) => {
      received.push({ call, request, context });
      return Promise.resolve({ view: 'refused', reason: 'signInFailed' });
    },
  });
  const dispatch = createDispatch(createHandlers({ appInfo: testAppInfo, helpdesk: createHelpdeskHandlers(service) }));
  registerContractHandlers({ dispatch, kioskId: 'kiosk-7', appContents: () => appContents as never });
});

function listener(channel: string): Listener {
  const call = fakeElectron.ipcMain.handle.mock.calls.find(([registered]) => registered === channel);
  expect(call, channel).toBeDefined();
  return call![1] as unknown as Listener;
}

describe('help desk over IPC', () => {
  it('registers a channel for every help-desk call', () => {
    const channels = fakeElectron.ipcMain.handle.mock.calls.map(([channel]) => channel);
    for (const call of helpdeskCallNames) expect(channels).toContain(ipcChannel(call));
  });

  it('reaches the help desk from the app window with the kiosk context, and answers its view', async () => {
    const result = await listener('sesame:helpdesk.signIn')({ sender: appContents, senderFrame: appContents.mainFrame }, { username: 'op', password: 'Operator-1' }, 'fr');
    expect(result).toEqual({ ok: true, value: { view: 'refused', reason: 'signInFailed' } });
    expect(received).toEqual([
      { call: 'helpdesk.signIn', request: { username: 'op', password: 'Operator-1' }, context: { kioskId: 'kiosk-7', clientId: `window-${appContents.id}`, language: 'fr' } },
    ]);
  });

  it('refuses a malformed payload before the help desk sees it, and a foreign frame outright', async () => {
    const main = appContents.mainFrame;
    expect(await listener('sesame:helpdesk.unlock')({ sender: appContents, senderFrame: main }, { operatorSessionId: 'x', userDn: 'uid=a' })).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
    const foreign = fakeFrame('https://example.org/', { processId: main.processId, routingId: main.routingId });
    expect(await listener('sesame:helpdesk.signIn')({ sender: appContents, senderFrame: foreign }, { username: 'op', password: 'Operator-1' })).toMatchObject({ ok: false, error: { code: 'forbiddenSender' } });
    expect(received).toEqual([]);
  });
});
