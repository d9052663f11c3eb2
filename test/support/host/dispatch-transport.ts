/** A renderer Transport straight onto dispatch: the IPC path without Electron, for store tests. */
import type { LanguageTag } from '../../../shared/app';
import type { CallName, CallRequest, CallResult } from '../../../shared/calls';
import type { Dispatch } from '../../../electron/handlers/dispatch';
import type { Transport } from '../../../renderer/src/transport/transport';

export function dispatchTransport(dispatch: Dispatch, clientId = 'renderer-test'): Transport & { calls: CallName[] } {
  let language: LanguageTag | undefined;
  const calls: CallName[] = [];
  return {
    calls,
    call: async <C extends CallName>(name: C, request: CallRequest<C>) => {
      calls.push(name);
      return (await dispatch(name, request, { kioskId: 'kiosk-test', clientId, ...(language ? { language } : {}) })) as CallResult<C>;
    },
    setLanguage: (next) => {
      language = next;
    },
  };
}
