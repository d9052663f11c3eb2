/** How the renderer reaches the main side: the Electron preload or the Sesame host, behind one interface. */
import type { LanguageTag } from '../../../shared/app';
import type { CallName, CallRequest, CallResult, SesameApi } from '../../../shared/calls';

export interface Transport {
  call<C extends CallName>(name: C, request: CallRequest<C>): Promise<CallResult<C>>;
  /** The language question texts should come back in. */
  setLanguage(language: LanguageTag): void;
}

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in a browser. */
    sesame?: SesameApi & { setLanguage?: (language: LanguageTag) => void };
  }
}

export function preloadTransport(api: NonNullable<Window['sesame']>): Transport {
  return {
    call: (name, request) => (api[name] as (r: typeof request) => Promise<CallResult<typeof name>>)(request),
    setLanguage: (language) => api.setLanguage?.(language),
  };
}
