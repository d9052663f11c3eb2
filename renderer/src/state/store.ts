/**
 * The renderer's state: which screen shows, the last view the main side answered with, and whether a call
 * is running. Typed secrets never enter this store: screens keep them in their own inputs and send them.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo, LanguageTag } from '../../../shared/app';
import type { CallName, CallRequest, CallResult } from '../../../shared/calls';
import type { FlowCall, FlowKind, FlowResponse } from '../../../shared/flow';
import type { Transport } from '../transport';

export type Screen =
  | { name: 'loading' }
  | { name: 'start' }
  | { name: 'username'; flow: FlowKind }
  | { name: 'flow'; flow: FlowKind; view: FlowResponse };

export interface SesameState {
  info?: AppInfo;
  screen: Screen;
  language: LanguageTag;
  busy: boolean;
  /** Message key of a call error to show on the current screen. */
  notice?: string;
  /** Bumped on every screen change and on every rejected answer, so screens reset and refocus. */
  turn: number;
}

export interface SesameActions {
  init(): Promise<void>;
  setLanguage(language: LanguageTag): void;
  choose(flow: FlowKind): void;
  toStart(): void;
  start(username: string): Promise<void>;
  send<C extends Exclude<FlowCall, 'flow.start' | 'flow.checkNewPassword' | 'flow.cancel'>>(call: C, request: CallRequest<C>): Promise<void>;
  /** Live checklist: updates the rules without blocking the screen; stale answers are dropped. */
  check(candidate: string): Promise<void>;
  /** Cancels any flow session and returns to the start with everything cleared. */
  reset(): void;
}

export type SesameStore = StoreApi<SesameState & SesameActions>;

const unavailableView: FlowResponse = { step: 'failed', reason: 'serviceUnavailable', retryable: true };
const expiredView: FlowResponse = { step: 'failed', reason: 'sessionExpired', retryable: true };

export function sessionIdOf(screen: Screen): string | undefined {
  return screen.name === 'flow' && 'sessionId' in screen.view ? screen.view.sessionId : undefined;
}

/** `info` known up front (embedded by the host) shows the start screen in the very first frame. */
export function createSesameStore(transport: Transport, info?: AppInfo): SesameStore {
  if (info) transport.setLanguage(info.languages.default);
  let checkSequence = 0;
  return createStore<SesameState & SesameActions>()((set, get) => {
    const call = <C extends CallName>(name: C, request: CallRequest<C>): Promise<CallResult<C>> => transport.call(name, request);

    function show(flow: FlowKind, result: CallResult<FlowCall>): void {
      const { turn } = get();
      if (result.ok) return set({ screen: { name: 'flow', flow, view: result.value }, busy: false, notice: undefined, turn: turn + 1 });
      const { code, messageKey } = result.error;
      if (code === 'sessionExpired') return set({ screen: { name: 'flow', flow, view: expiredView }, busy: false, notice: undefined, turn: turn + 1 });
      if (code === 'unavailable' || code === 'internal' || code === 'unknownCall') {
        return set({ screen: { name: 'flow', flow, view: unavailableView }, busy: false, notice: undefined, turn: turn + 1 });
      }
      set({ busy: false, notice: messageKey, turn: turn + 1 });
    }

    return {
      ...(info ? { info } : {}),
      screen: info ? { name: 'start' } : { name: 'loading' },
      language: info?.languages.default ?? 'en',
      busy: false,
      turn: 0,

      async init() {
        if (get().info) return;
        const result = await call('app.info', {});
        const info: AppInfo = result.ok
          ? result.value
          : { languages: { default: 'en', available: ['en'] }, kiosk: { enabled: false, idleTimeoutSeconds: 90, enabledFlows: [], helpDeskOffered: false }, serviceAvailable: false };
        transport.setLanguage(info.languages.default);
        set({ info, language: info.languages.default, screen: { name: 'start' }, turn: get().turn + 1 });
      },

      setLanguage(language) {
        transport.setLanguage(language);
        set({ language });
      },

      choose(flow) {
        set({ screen: { name: 'username', flow }, notice: undefined, turn: get().turn + 1 });
      },

      toStart() {
        set({ screen: { name: 'start' }, notice: undefined, busy: false, turn: get().turn + 1 });
      },

      async start(username) {
        const { screen } = get();
        if (screen.name !== 'username' || get().busy) return;
        set({ busy: true, notice: undefined });
        show(screen.flow, await call('flow.start', { flow: screen.flow, username }));
      },

      async send(name, request) {
        const { screen } = get();
        if (screen.name !== 'flow' || get().busy) return;
        set({ busy: true, notice: undefined });
        show(screen.flow, (await call(name, request)) as CallResult<FlowCall>);
      },

      async check(candidate) {
        const sessionId = sessionIdOf(get().screen);
        if (!sessionId) return;
        const sequence = ++checkSequence;
        const result = await call('flow.checkNewPassword', { sessionId, candidate });
        const { screen } = get();
        if (sequence !== checkSequence || get().busy || screen.name !== 'flow' || sessionIdOf(screen) !== sessionId) return;
        if (result.ok && result.value.step === 'newPassword') {
          set({ screen: { ...screen, view: { ...result.value, rejected: screen.view.rejected, failedRules: screen.view.failedRules } as FlowResponse } });
        } else if (result.ok || result.error.code === 'sessionExpired') {
          show(screen.flow, result);
        }
        // A rate-limited check keeps the last checklist; the submit is checked by the main side anyway.
      },

      reset() {
        const sessionId = sessionIdOf(get().screen);
        if (sessionId) void call('flow.cancel', { sessionId });
        checkSequence++;
        const language = get().info?.languages.default ?? get().language;
        transport.setLanguage(language);
        set({ screen: { name: 'start' }, busy: false, notice: undefined, language, turn: get().turn + 1 });
      },
    };
  });
}
