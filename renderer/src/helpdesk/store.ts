/**
 * The help desk's renderer state: the signed-in operator, the screen, the last view the main side answered
 * with. The main side decides everything (rights, verification); this store only shows its answers. The
 * generated password lives here only while its screen shows, and the typed answers never enter it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallResult } from '../../../shared/calls';
import type { AccountPanelView, HelpdeskCall, HelpdeskRefusal, HelpdeskRequestInput, HelpdeskView, OperatorView, UserSummaryView, VerificationMethod } from '../../../shared/helpdesk';
import type { QuestionView } from '../../../shared/flow';
import type { Transport } from '../transport';

export type HelpdeskScreen =
  | { name: 'signIn' }
  | { name: 'search' }
  | { name: 'panel' }
  | { name: 'challenge'; method: VerificationMethod; questions: QuestionView[] }
  | { name: 'passwordReset'; temporaryPassword: string; mustChange: boolean };

/** What went wrong on the last call, in words the screens translate. */
export type HelpdeskNotice = { reason: HelpdeskRefusal | 'transport'; messageKey?: string };

export interface HelpdeskState {
  screen: HelpdeskScreen;
  operator?: OperatorView;
  query: string;
  offset: number;
  results?: UserSummaryView[];
  nextOffset?: number;
  /** The main side's page size, learnt from the first page that had a next one (for "previous page"). */
  pageSize?: number;
  panel?: AccountPanelView;
  notice?: HelpdeskNotice;
  /** Set after a successful action, e.g. 'unlock': the panel says what was done. */
  done?: string;
  busy: boolean;
  /** Bumped on every answer, so screens refocus. */
  turn: number;
}

export type PanelAction =
  | { call: 'helpdesk.unlock' | 'helpdesk.clearEnrollment' | 'helpdesk.clearLockoutGate' }
  | { call: 'helpdesk.resetPassword'; mustChange: boolean }
  | { call: 'helpdesk.setPasswordNeverExpires'; neverExpires: boolean }
  | { call: 'helpdesk.setValidUntil'; validUntil: string | null };

export interface HelpdeskActions {
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  search(query: string, offset: number): Promise<void>;
  open(userDn: string): Promise<void>;
  startVerification(method: VerificationMethod): Promise<void>;
  verify(proof: { code: string } | { answers: { questionId: string; answer: string }[] }): Promise<void>;
  act(action: PanelAction): Promise<void>;
  /** Leaves the one-time password screen (forgetting the password) or a challenge, back to the panel. */
  toPanel(): void;
  toSearch(): void;
}

export type HelpdeskStore = StoreApi<HelpdeskState & HelpdeskActions>;

const initial: Pick<HelpdeskState, 'screen' | 'query' | 'offset' | 'busy'> = { screen: { name: 'signIn' }, query: '', offset: 0, busy: false };

export function createHelpdeskStore(transport: Transport): HelpdeskStore {
  return createStore<HelpdeskState & HelpdeskActions>()((set, get) => {
    const sessionId = () => get().operator?.operatorSessionId ?? '';
    const userDn = () => get().panel?.user.dn ?? '';

    async function call<C extends HelpdeskCall>(name: C, request: HelpdeskRequestInput<C>): Promise<HelpdeskView | undefined> {
      set({ busy: true, notice: undefined, done: undefined });
      const result = (await transport.call(name, request as never)) as CallResult<C>;
      if (result.ok) return result.value as HelpdeskView;
      if (result.error.code === 'sessionExpired') return { view: 'refused', reason: 'sessionExpired' };
      set({ busy: false, notice: { reason: result.error.code === 'notPermitted' ? 'notPermitted' : 'transport', messageKey: result.error.messageKey }, turn: get().turn + 1 });
      return undefined;
    }

    /** Shows a view; a refusal keeps the screen (or the fresh panel it carries) and says why. */
    function show(view: HelpdeskView | undefined, done?: string): void {
      if (!view) return;
      const turn = get().turn + 1;
      switch (view.view) {
        case 'signedIn':
          return set({ ...initial, operator: view.operator, screen: { name: 'search' }, turn, results: undefined, panel: undefined });
        case 'signedOut':
          return set({ ...initial, operator: undefined, results: undefined, panel: undefined, turn });
        case 'searchResults':
          return set({
            results: view.results,
            nextOffset: view.nextOffset,
            ...(view.nextOffset !== undefined ? { pageSize: view.nextOffset - get().offset } : {}),
            screen: { name: 'search' },
            busy: false,
            turn,
          });
        case 'panel':
          return set({ panel: view.panel, screen: { name: 'panel' }, busy: false, turn, ...(done ? { done } : {}) });
        case 'challenge':
          return set({ screen: { name: 'challenge', method: view.method, questions: view.questions }, busy: false, turn });
        case 'passwordReset':
          return set({ panel: view.panel, screen: { name: 'passwordReset', temporaryPassword: view.temporaryPassword, mustChange: view.mustChange }, busy: false, turn });
        case 'refused':
          if (view.reason === 'sessionExpired') {
            return set({ ...initial, operator: undefined, results: undefined, panel: undefined, notice: { reason: 'sessionExpired' }, turn });
          }
          return set({
            notice: { reason: view.reason, ...(view.messageKey ? { messageKey: view.messageKey } : {}) },
            busy: false,
            turn,
            ...(view.panel ? { panel: view.panel, screen: { name: 'panel' } } : {}),
          });
      }
    }

    return {
      ...initial,
      turn: 0,
      async signIn(username, password) {
        show(await call('helpdesk.signIn', { username, password }));
      },
      async signOut() {
        const id = sessionId();
        show(id ? await call('helpdesk.signOut', { operatorSessionId: id }) : { view: 'signedOut' });
      },
      async search(query, offset) {
        set({ query, offset });
        show(await call('helpdesk.search', { operatorSessionId: sessionId(), query, offset }));
      },
      async open(dn) {
        show(await call('helpdesk.openUser', { operatorSessionId: sessionId(), userDn: dn }));
      },
      async startVerification(method) {
        show(await call('helpdesk.startVerification', { operatorSessionId: sessionId(), userDn: userDn(), method }));
      },
      async verify(proof) {
        show(await call('helpdesk.verifyCaller', { operatorSessionId: sessionId(), userDn: userDn(), ...proof }), 'verified');
      },
      async act(action) {
        const { call: name, ...rest } = action;
        show(await call(name, { operatorSessionId: sessionId(), userDn: userDn(), ...rest } as HelpdeskRequestInput<typeof name>), name.slice('helpdesk.'.length));
      },
      toPanel() {
        set({ screen: { name: 'panel' }, notice: undefined, turn: get().turn + 1 });
      },
      toSearch() {
        set({ screen: { name: 'search' }, panel: undefined, notice: undefined, done: undefined, turn: get().turn + 1 });
      },
    };
  });
}
