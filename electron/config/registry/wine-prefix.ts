/**
 * Policy values from a wine prefix: HKEY_LOCAL_MACHINE lives in $WINEPREFIX/system.reg. wineserver writes
 * the file lazily, so callers wait for it (`wineserver -w`) after changing the registry.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeRegistryText } from './decode';
import { parseRegText } from './reg-text';
import { normaliseKeyPath, valuesFrom } from './types';
import type { PolicyRegistry, RegistryValues } from './types';

export class WinePrefixRegistry implements PolicyRegistry {
  readonly description: string;

  constructor(private readonly winePrefix: string) {
    this.description = `wine prefix ${winePrefix}`;
  }

  async readValues(keyPath: string): Promise<RegistryValues> {
    const text = decodeRegistryText(await readFile(join(this.winePrefix, 'system.reg')));
    const wanted = normaliseKeyPath(keyPath);
    const key = parseRegText(text, 'wine').find((k) => normaliseKeyPath(k.path) === wanted);
    return valuesFrom(key?.values ?? []);
  }
}
