/**
 * Electron offers no hook for the print dialog or the file chooser, so the preload runs this in the
 * page's own world before any page script: printing and file pickers become no-ops. Electron serialises
 * the function, so it must use nothing from outside its own body.
 */
interface FileInputLike {
  type?: string;
}
interface PageGlobals {
  print?: () => void;
  showOpenFilePicker?: unknown;
  showSaveFilePicker?: unknown;
  showDirectoryPicker?: unknown;
  HTMLInputElement?: { prototype: FileInputLike & { showPicker?: () => void } };
  addEventListener?: (type: string, listener: (event: { target: unknown; preventDefault(): void }) => void, capture: boolean) => void;
}

export function disableBrowserDialogs(page: PageGlobals = globalThis as unknown as PageGlobals): void {
  const fixed = (value: unknown) => ({ value, writable: false, configurable: false, enumerable: false });
  Object.defineProperty(page, 'print', fixed(() => undefined));
  for (const picker of ['showOpenFilePicker', 'showSaveFilePicker', 'showDirectoryPicker'] as const) {
    Object.defineProperty(page, picker, fixed(undefined));
  }
  const inputPrototype = page.HTMLInputElement?.prototype;
  if (inputPrototype?.showPicker) {
    const showPicker = inputPrototype.showPicker;
    Object.defineProperty(
      inputPrototype,
      'showPicker',
      fixed(function (this: FileInputLike) {
        if (this.type !== 'file') showPicker.call(this);
      }),
    );
  }
  // Capture phase on the window: runs before any page listener and cancels the chooser a click would open.
  page.addEventListener?.(
    'click',
    (event) => {
      const target = event.target as FileInputLike | null;
      if (target && typeof target === 'object' && target.type === 'file') event.preventDefault();
    },
    true,
  );
}
