/** Registry values as the policy loader sees them, whichever way they were read. */
export type RegistryValue =
  | { type: 'REG_SZ' | 'REG_EXPAND_SZ'; data: string }
  | { type: 'REG_MULTI_SZ'; data: string[] }
  | { type: 'REG_DWORD'; data: number }
  | { type: 'REG_QWORD'; data: bigint }
  | { type: 'REG_BINARY' | 'REG_OTHER'; data: Uint8Array };

/** Values of one key, value names compared case-insensitively as Windows does (keys here are lower-cased). */
export type RegistryValues = ReadonlyMap<string, { name: string; value: RegistryValue }>;

/** Reads the values directly under a key of HKEY_LOCAL_MACHINE, e.g. `SOFTWARE\Policies\Sesame`. */
export interface PolicyRegistry {
  /** Human-readable origin for error messages, e.g. `reg.exe` or `wine prefix /tmp/p`. */
  readonly description: string;
  /** An empty map when the key does not exist; rejects only when the registry cannot be read at all. */
  readValues(keyPath: string): Promise<RegistryValues>;
}

export const policyKeyPath = 'SOFTWARE\\Policies\\Sesame';

export function valuesFrom(entries: Iterable<[string, RegistryValue]>): RegistryValues {
  const map = new Map<string, { name: string; value: RegistryValue }>();
  for (const [name, value] of entries) map.set(name.toLowerCase(), { name, value });
  return map;
}

/** `HKEY_LOCAL_MACHINE\A\B`, `HKLM\A\B` and `A\B` name the same key; comparison ignores case. */
export function normaliseKeyPath(path: string): string {
  return path
    .replace(/^(HKEY_LOCAL_MACHINE|HKLM)\\/i, '')
    .replace(/\\+$/, '')
    .toLowerCase();
}
