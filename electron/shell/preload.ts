/**
 * Exposes `window.sesame`: one method per contract call, each an ipcRenderer.invoke on the call's channel.
 * Nothing else crosses: no ipcRenderer, no Node. Bundled to one CommonJS file, as sandboxed preloads must be,
 * so it imports only electron and the schema-free call list.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { callNames, ipcChannel, type CallName } from '../../shared/call-names';
import type { SesameApi } from '../../shared/calls';
import { disableBrowserDialogs } from './browser-dialogs';

/** The page's language (the renderer keeps <html lang> current); the DOM is shared with the isolated world. */
function pageLanguage(): string | undefined {
  const page = globalThis as { document?: { documentElement?: { lang?: string } | null } };
  return page.document?.documentElement?.lang || undefined;
}

export function buildSesameApi(invoke: (channel: string, ...args: unknown[]) => Promise<unknown>): SesameApi {
  const method = (name: CallName) => (request: unknown) => invoke(ipcChannel(name), request, pageLanguage());
  return Object.freeze(Object.fromEntries(callNames.map((name) => [name, method(name)]))) as unknown as SesameApi;
}

export function exposeSesameApi(): void {
  // A wrapper, so the page never holds ipcRenderer itself (or its event argument).
  contextBridge.exposeInMainWorld('sesame', buildSesameApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)));
  contextBridge.executeInMainWorld({ func: disableBrowserDialogs });
}

exposeSesameApi();
