/**
 * The help desk's renderer store on the real dispatch (schemas included), with a scripted help-desk
 * service: which screen each view leads to, refusals kept in words, the one-time password forgotten.
 */
import { describe, expect, it } from 'vitest';
import type { AccountPanelView, HelpdeskCall, HelpdeskView } from '../../../shared/helpdesk';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { createHandlers } from '../../../electron/handlers/handlers';
import { createHelpdeskHandlers } from '../../../electron/helpdesk/handlers';
import type { HelpdeskService } from '../../../electron/helpdesk/service';
import { createHelpdeskStore } from '../../../renderer/src/helpdesk/store';
import { testAppInfo } from '../../support/host/app-info';
import { dispatchTransport } from '../../support/host/dispatch-transport';

const userDn = 'uid=ann,ou=people,dc=example,dc=test';
const panel = (locked: boolean): AccountPanelView => ({
  user: { dn: userDn, accountName: 'ann', displayName: 'Ann Example' },
  state: { usable: !locked, disabled: false, locked, accountExpired: false, passwordExpired: false, mustChange: false, passwordNeverExpires: false },
  enrollment: { enrolled: true, answers: 3, totp: true, lockoutGate: { state: 'open', failures: 0 } },
  verification: { mode: 'either', required: true, available: ['answers', 'totp'], verified: false },
  capabilities: { passwordNeverExpires: true, validUntil: true },
  allowedActions: ['unlock', 'resetPassword'],
});
const operator = { operatorSessionId: 'S'.repeat(24), accountName: 'op', rights: ['readState' as const, 'unlock' as const], verificationMode: 'either' as const, capabilities: { passwordNeverExpires: true, validUntil: true } };

function setup(script: Partial<Record<HelpdeskCall, HelpdeskView>>) {
  const received: { call: string; request: unknown }[] = [];
  const service = new Proxy({} as HelpdeskService, {
    get: (_target, call: string) => (request: unknown) => {
      received.push({ call, request });
      return Promise.resolve(script[call as HelpdeskCall] ?? { view: 'refused', reason: 'unavailable' });
    },
  });
  const transport = dispatchTransport(createDispatch(createHandlers({ appInfo: testAppInfo, helpdesk: createHelpdeskHandlers(service) })));
  return { store: createHelpdeskStore(transport), received };
}

describe('help-desk renderer store on the real dispatch', () => {
  it('walks sign-in → search (learning the page size) → panel, sending the operator session with each call', async () => {
    const { store, received } = setup({
      'helpdesk.signIn': { view: 'signedIn', operator },
      'helpdesk.search': { view: 'searchResults', results: [{ dn: userDn, accountName: 'ann' }], nextOffset: 20 },
      'helpdesk.openUser': { view: 'panel', panel: panel(true) },
    });
    expect(store.getState().screen).toEqual({ name: 'signIn' });
    await store.getState().signIn('op', 'Operator-1');
    expect(store.getState()).toMatchObject({ screen: { name: 'search' }, operator });
    await store.getState().search('ann', 0);
    expect(store.getState()).toMatchObject({ results: [{ accountName: 'ann' }], nextOffset: 20, pageSize: 20, busy: false });
    await store.getState().open(userDn);
    expect(store.getState()).toMatchObject({ screen: { name: 'panel' }, panel: { state: { locked: true } } });
    expect(received.map((r) => r.call)).toEqual(['helpdesk.signIn', 'helpdesk.search', 'helpdesk.openUser']);
    expect(received[2]!.request).toEqual({ operatorSessionId: operator.operatorSessionId, userDn });
    // The operator's password is in no state the store keeps.
    expect(JSON.stringify(store.getState())).not.toContain('Operator-1');
  });

  it('shows the generated password once and forgets it when the operator leaves the screen', async () => {
    const { store, received } = setup({
      'helpdesk.signIn': { view: 'signedIn', operator },
      'helpdesk.openUser': { view: 'panel', panel: panel(false) },
      'helpdesk.resetPassword': { view: 'passwordReset', panel: { ...panel(false), state: { ...panel(false).state, mustChange: true } }, temporaryPassword: 'Temp-Pass-1234!', mustChange: true },
    });
    await store.getState().signIn('op', 'Operator-1');
    await store.getState().open(userDn);
    await store.getState().act({ call: 'helpdesk.resetPassword', mustChange: true });
    expect(received.at(-1)!.request).toEqual({ operatorSessionId: operator.operatorSessionId, userDn, mustChange: true });
    expect(store.getState().screen).toEqual({ name: 'passwordReset', temporaryPassword: 'Temp-Pass-1234!', mustChange: true });
    store.getState().toPanel();
    expect(store.getState().screen).toEqual({ name: 'panel' });
    expect(store.getState().panel?.state.mustChange).toBe(true);
    expect(JSON.stringify(store.getState())).not.toContain('Temp-Pass-1234!');
  });

  it('keeps a refusal in words with the fresh panel it carries, and says what an action did', async () => {
    const { store } = setup({
      'helpdesk.signIn': { view: 'signedIn', operator },
      'helpdesk.openUser': { view: 'panel', panel: panel(true) },
      'helpdesk.verifyCaller': { view: 'refused', reason: 'verificationFailed', panel: { ...panel(true), enrollment: { ...panel(true).enrollment, lockoutGate: { state: 'open', failures: 1 } } } },
      'helpdesk.unlock': { view: 'panel', panel: panel(false) },
    });
    await store.getState().signIn('op', 'Operator-1');
    await store.getState().open(userDn);
    await store.getState().verify({ code: '123456' });
    expect(store.getState()).toMatchObject({ screen: { name: 'panel' }, notice: { reason: 'verificationFailed' }, panel: { enrollment: { lockoutGate: { failures: 1 } } } });
    await store.getState().act({ call: 'helpdesk.unlock' });
    expect(store.getState()).toMatchObject({ notice: undefined, done: 'unlock', panel: { state: { locked: false } } });
  });

  it('an ended operator session returns to sign-in with everything dropped', async () => {
    const { store } = setup({ 'helpdesk.signIn': { view: 'signedIn', operator }, 'helpdesk.openUser': { view: 'refused', reason: 'sessionExpired' } });
    await store.getState().signIn('op', 'Operator-1');
    await store.getState().open(userDn);
    expect(store.getState()).toMatchObject({ screen: { name: 'signIn' }, operator: undefined, panel: undefined, notice: { reason: 'sessionExpired' } });
  });

  it('a payload the contract refuses becomes the transport notice with its message key', async () => {
    const { store, received } = setup({ 'helpdesk.signIn': { view: 'signedIn', operator } });
    await store.getState().signIn('op', 'Operator-1');
    await store.getState().search('   ', 0);
    expect(store.getState()).toMatchObject({ screen: { name: 'search' }, busy: false, notice: { reason: 'transport', messageKey: 'error.invalidRequest' } });
    expect(received.map((r) => r.call)).toEqual(['helpdesk.signIn']);
  });
});
