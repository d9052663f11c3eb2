import { preloadTransport, type Transport } from './transport';
import { webTransport } from './web';

export type { Transport } from './transport';

/** The Electron preload when present, else the Sesame host this page was served from. */
export function detectTransport(): Transport {
  return window.sesame ? preloadTransport(window.sesame) : webTransport();
}
