/**
 * One ipcMain.handle per contract call. Before the shared dispatch runs, the sender must be the main frame
 * of our window showing an app:// page: a subframe, another web contents or a foreign page gets
 * `forbiddenSender`. Every answer is a Result; nothing is thrown across the boundary.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { languageTags, type LanguageTag } from '../../shared/app';
import { callNames, ipcChannel } from '../../shared/call-names';
import { callError, type AnyCallResult, type Dispatch } from '../handlers/dispatch';
import { isAppUrl } from './protocol';

export interface IpcSettings {
  dispatch: Dispatch;
  kioskId: string;
  /** The app window's contents, once created (IPC from before then is refused). */
  appContents: () => WebContents | undefined;
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, appContents: WebContents | undefined): boolean {
  const frame = event.senderFrame;
  if (!appContents || appContents.isDestroyed() || event.sender !== appContents || !frame) return false;
  const main = appContents.mainFrame;
  // Compared by ids: the same frame, and that frame is the top one.
  const isMainFrame = frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return isMainFrame && isAppUrl(frame.url);
}

/** The preload sends the page's <html lang> along; anything else is ignored. */
function languageOf(value: unknown): LanguageTag | undefined {
  return typeof value === 'string' && (languageTags as readonly string[]).includes(value) ? (value as LanguageTag) : undefined;
}

export function handleContractCall(settings: IpcSettings, callName: string) {
  return async (event: IpcMainInvokeEvent, payload: unknown, language?: unknown): Promise<AnyCallResult> => {
    if (!isTrustedSender(event, settings.appContents())) return callError('forbiddenSender');
    const tag = languageOf(language);
    const context = { kioskId: settings.kioskId, clientId: `window-${event.sender.id}`, ...(tag ? { language: tag } : {}) };
    try {
      return await settings.dispatch(callName, payload, context);
    } catch {
      // Dispatch answers with Results by contract; should it ever throw, the renderer still gets one.
      return callError('internal');
    }
  };
}

export function registerContractHandlers(settings: IpcSettings): void {
  for (const name of callNames) ipcMain.handle(ipcChannel(name), handleContractCall(settings, name));
}
