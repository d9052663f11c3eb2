/**
 * Policy values through `reg.exe query` (Windows; under wine the same tool runs as `wine reg`). reg.exe
 * prints `    Name    REG_TYPE    data`, REG_MULTI_SZ joined with `\0`, DWORDs as 0x hex.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { valuesFrom } from './types';
import type { PolicyRegistry, RegistryValue, RegistryValues } from './types';

const run = promisify(execFile);

function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

function parseData(type: string, data: string): RegistryValue {
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return { type, data };
    case 'REG_MULTI_SZ':
      return { type, data: data === '' ? [] : data.split('\\0').filter((s, i, all) => s !== '' || i < all.length - 1) };
    case 'REG_DWORD':
      return { type, data: Number.parseInt(data, 16) };
    case 'REG_QWORD':
      return { type, data: BigInt(data) };
    case 'REG_BINARY':
      return { type, data: hexToBytes(data) };
    default:
      return { type: 'REG_OTHER', data: hexToBytes(/^[0-9A-Fa-f]*$/.test(data) ? data : '') };
  }
}

/** Parses the output of `reg query <key>` (values of that key only). */
export function parseRegQueryOutput(output: string): [string, RegistryValue][] {
  const values: [string, RegistryValue][] = [];
  for (const line of output.split(/\r?\n/)) {
    // Four spaces separate the columns; a value name may itself contain single spaces.
    const match = /^ {4}(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (!match) continue;
    const name = match[1] === '(Default)' ? '' : (match[1] ?? '');
    values.push([name, parseData(match[2] ?? '', match[3] ?? '')]);
  }
  return values;
}

export class RegExeRegistry implements PolicyRegistry {
  readonly description: string;

  /** `command` is `['reg']` on Windows, `['wine', 'reg']` to query a wine prefix. */
  constructor(
    private readonly command: readonly string[] = ['reg'],
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.description = command.join(' ');
  }

  async readValues(keyPath: string): Promise<RegistryValues> {
    const [file, ...prefixArgs] = this.command;
    if (!file) throw new Error('reg.exe command is empty');
    try {
      const { stdout } = await run(file, [...prefixArgs, 'query', `HKLM\\${keyPath}`, '/reg:64'], {
        env: this.env,
        windowsHide: true,
      });
      return valuesFrom(parseRegQueryOutput(stdout));
    } catch (error) {
      // reg.exe exits 1 when the key does not exist: no policy is configured.
      // Windows prints this to stderr, wine's reg to stdout.
      const err = error as { code?: unknown; stderr?: string; stdout?: string };
      const message = `${err.stderr ?? ''}\n${err.stdout ?? ''}`;
      if (err.code === 1 && /unable to find|not find|n'a pas pu|nicht finden/i.test(message)) return valuesFrom([]);
      throw error;
    }
  }
}
