/** Policy values from a regedit export (`reg export HKLM\SOFTWARE\Policies\Sesame x.reg`). */
import { readFile } from 'node:fs/promises';
import { decodeRegistryText } from './decode';
import { parseRegText } from './reg-text';
import { normaliseKeyPath, valuesFrom } from './types';
import type { PolicyRegistry, RegistryValues } from './types';

export class RegExportRegistry implements PolicyRegistry {
  readonly description: string;

  constructor(private readonly exportFile: string) {
    this.description = `registry export ${exportFile}`;
  }

  async readValues(keyPath: string): Promise<RegistryValues> {
    const text = decodeRegistryText(await readFile(this.exportFile));
    const wanted = normaliseKeyPath(keyPath);
    const key = parseRegText(text, 'regedit').find((k) => normaliseKeyPath(k.path) === wanted);
    return valuesFrom(key?.values ?? []);
  }
}
