import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { callNames, ipcChannel } from '../../../shared/calls';
import { disableBrowserDialogs } from '../../../electron/shell/browser-dialogs';
import { fakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

let exposedKey: string;
let api: Record<string, (request: unknown) => Promise<unknown>>;
let mainWorldScripts: unknown[][];

beforeAll(async () => {
  // Importing the preload is what Electron does: it exposes the API at once.
  await import('../../../electron/shell/preload');
  expect(fakeElectron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, exposed] = fakeElectron.contextBridge.exposeInMainWorld.mock.calls[0]!;
  exposedKey = key;
  api = exposed as typeof api;
  mainWorldScripts = fakeElectron.contextBridge.executeInMainWorld.mock.calls;
});
afterEach(() => {
  vi.unstubAllGlobals();
  fakeElectron.ipcRenderer.invoke.mockClear();
});

describe('preload', () => {
  it('exposes window.sesame with exactly one method per contract call, and nothing else', () => {
    expect(exposedKey).toBe('sesame');
    expect(Object.keys(api).sort()).toEqual([...callNames].sort());
    for (const name of callNames) expect(typeof api[name]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.values(api)).not.toContain(fakeElectron.ipcRenderer);
    expect(Object.values(api)).not.toContain(fakeElectron.ipcRenderer.invoke);
  });

  it('invokes each call on its own channel with the payload and the page language', async () => {
    vi.stubGlobal('document', { documentElement: { lang: 'fr' } });
    for (const name of callNames) {
      const payload = { probe: name };
      expect(await api[name]!(payload)).toEqual({ ok: true, value: 'answered' });
      expect(fakeElectron.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel(name), payload, 'fr');
    }
  });

  it('sends no language when the page has none', async () => {
    await api['app.info']!({});
    expect(fakeElectron.ipcRenderer.invoke).toHaveBeenLastCalledWith('sesame:app.info', {}, undefined);
  });

  it('disables print and file dialogs in the page world', () => {
    expect(mainWorldScripts).toEqual([[{ func: disableBrowserDialogs }]]);
  });
});

describe('disableBrowserDialogs (runs in the page world)', () => {
  function fakePage() {
    const realPrint = vi.fn();
    const realShowPicker = vi.fn();
    const listeners: { type: string; listener: (event: { target: unknown; preventDefault(): void }) => void; capture: boolean }[] = [];
    class HTMLInputElement {
      constructor(public type: string) {}
      showPicker() {
        realShowPicker(this.type);
      }
    }
    const page = {
      print: realPrint,
      showOpenFilePicker: vi.fn(),
      showSaveFilePicker: vi.fn(),
      showDirectoryPicker: vi.fn(),
      HTMLInputElement,
      addEventListener: (type: string, listener: (typeof listeners)[number]['listener'], capture: boolean) => listeners.push({ type, listener, capture }),
    };
    return { page, realPrint, realShowPicker, listeners, HTMLInputElement };
  }

  it('makes print a fixed no-op and removes the file system pickers', () => {
    const { page, realPrint } = fakePage();
    disableBrowserDialogs(page);
    page.print();
    expect(realPrint).not.toHaveBeenCalled();
    expect(() => Object.assign(page, { print: realPrint })).toThrow(TypeError);
    expect(page.showOpenFilePicker).toBeUndefined();
    expect(page.showSaveFilePicker).toBeUndefined();
    expect(page.showDirectoryPicker).toBeUndefined();
  });

  it('keeps showPicker for other inputs but not for file inputs', () => {
    const { page, realShowPicker, HTMLInputElement } = fakePage();
    disableBrowserDialogs(page);
    new HTMLInputElement('file').showPicker();
    new HTMLInputElement('date').showPicker();
    expect(realShowPicker.mock.calls).toEqual([['date']]);
  });

  it('cancels clicks on file inputs in the capture phase, and only those', () => {
    const { page, listeners } = fakePage();
    disableBrowserDialogs(page);
    expect(listeners).toHaveLength(1);
    const [{ type, listener, capture }] = listeners as [(typeof listeners)[number]];
    expect([type, capture]).toEqual(['click', true]);
    const onFile = { target: { type: 'file' }, preventDefault: vi.fn() };
    const onButton = { target: { type: 'submit' }, preventDefault: vi.fn() };
    listener(onFile);
    listener(onButton);
    expect(onFile.preventDefault).toHaveBeenCalled();
    expect(onButton.preventDefault).not.toHaveBeenCalled();
  });

  it('is self-contained, as Electron serialises it into the page world', () => {
    // Rebuilt from its source text alone, it still works: it uses nothing from this module.
    const rebuilt = new Function(`return (${disableBrowserDialogs.toString()})`)() as typeof disableBrowserDialogs;
    const { page, realPrint } = fakePage();
    rebuilt(page);
    page.print();
    expect(realPrint).not.toHaveBeenCalled();
  });
});
