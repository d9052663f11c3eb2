/**
 * Parser for the two text registry formats: regedit exports (`REGEDIT4`, `Windows Registry Editor Version
 * 5.00`) and wine's hive files (`WINE REGISTRY Version 2`, e.g. $WINEPREFIX/system.reg). Both write
 * `[key]` sections and `"name"=data` lines; they differ in string escapes and in wine's `str(n):` form.
 */
import type { RegistryValue } from './types';

export type RegTextDialect = 'regedit' | 'wine';

export interface RegTextKey {
  path: string;
  values: [string, RegistryValue][];
}

export class RegTextError extends Error {}

/** Joins `\`-continued lines (hex data) and drops comments and blank lines. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = pending ? pending + raw.trimStart() : raw;
    const trimmed = line.trimEnd();
    // Only hex data is continued; a string value always ends with its closing quote.
    if (trimmed.endsWith('\\') && !trimmed.endsWith('"') && /=hex/.test(trimmed)) {
      pending = trimmed.slice(0, -1);
      continue;
    }
    pending = '';
    if (line.trim() === '' || line.startsWith(';') || line.startsWith('#')) continue;
    lines.push(line);
  }
  return lines;
}

/** Reads a quoted string at `start` (on the opening quote); returns the text and the index after it. */
function readQuoted(line: string, start: number, dialect: RegTextDialect): [string, number] {
  let out = '';
  let i = start + 1;
  while (i < line.length) {
    const c = line[i];
    if (c === '"') return [out, i + 1];
    if (c === '\\') {
      const n = line[i + 1];
      if (dialect === 'wine' && n === 'x') {
        const hex = /^[0-9a-fA-F]{1,4}/.exec(line.slice(i + 2))?.[0] ?? '';
        out += String.fromCharCode(parseInt(hex || '0', 16));
        i += 2 + hex.length;
        continue;
      }
      if (dialect === 'wine' && n === '0') out += '\0';
      else if (dialect === 'wine' && n === 'n') out += '\n';
      else if (dialect === 'wine' && n === 'r') out += '\r';
      else if (dialect === 'wine' && n === 't') out += '\t';
      else out += n ?? '';
      i += 2;
      continue;
    }
    out += c;
    i += 1;
  }
  throw new RegTextError(`unterminated string: ${line}`);
}

function hexBytes(text: string): Uint8Array {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  return Uint8Array.from(parts.map((p) => {
    if (!/^[0-9a-fA-F]{1,2}$/.test(p)) throw new RegTextError(`bad hex byte "${p}"`);
    return parseInt(p, 16);
  }));
}

function utf16Strings(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf16le');
}

function splitMulti(joined: string): string[] {
  const parts = joined.split('\0');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function parseData(data: string, line: string, dialect: RegTextDialect, ansi: boolean): RegistryValue {
  if (data.startsWith('"')) return { type: 'REG_SZ', data: readQuoted(data, 0, dialect)[0] };
  const dword = /^dword:([0-9a-fA-F]{1,8})$/.exec(data);
  if (dword) return { type: 'REG_DWORD', data: parseInt(dword[1] ?? '0', 16) };
  const wineStr = /^str\((\d+)\):(".*)$/.exec(data);
  if (wineStr && dialect === 'wine') {
    const text = readQuoted(wineStr[2] ?? '', 0, dialect)[0];
    if (wineStr[1] === '7') return { type: 'REG_MULTI_SZ', data: splitMulti(text) };
    if (wineStr[1] === '2') return { type: 'REG_EXPAND_SZ', data: text.replace(/\0$/, '') };
    return { type: 'REG_SZ', data: text.replace(/\0$/, '') };
  }
  const hex = /^hex(?:\(([0-9a-fA-F]+)\))?:(.*)$/.exec(data);
  if (hex) {
    const kind = parseInt(hex[1] ?? '3', 16);
    const bytes = hexBytes(hex[2] ?? '');
    // REGEDIT4 stores strings in the ANSI code page, version 5 and wine in UTF-16LE.
    const text = (): string => (ansi ? Buffer.from(bytes).toString('latin1') : utf16Strings(bytes));
    switch (kind) {
      case 1: return { type: 'REG_SZ', data: text().replace(/\0+$/, '') };
      case 2: return { type: 'REG_EXPAND_SZ', data: text().replace(/\0+$/, '') };
      case 3: return { type: 'REG_BINARY', data: bytes };
      case 4: return { type: 'REG_DWORD', data: Buffer.from(bytes).readUInt32LE(0) };
      case 7: return { type: 'REG_MULTI_SZ', data: splitMulti(text()) };
      case 11: return { type: 'REG_QWORD', data: Buffer.from(bytes).readBigUInt64LE(0) };
      default: return { type: 'REG_OTHER', data: bytes };
    }
  }
  throw new RegTextError(`unrecognised value data: ${line}`);
}

export function parseRegText(text: string, dialect: RegTextDialect): RegTextKey[] {
  const lines = logicalLines(text.replace(/^\uFEFF/, ''));
  const header = lines.shift() ?? '';
  if (dialect === 'regedit' && !/^(REGEDIT4|Windows Registry Editor Version 5\.00)$/.test(header.trim())) {
    throw new RegTextError(`not a registry export (header "${header.slice(0, 40)}")`);
  }
  if (dialect === 'wine' && !/^WINE REGISTRY Version 2/.test(header)) {
    throw new RegTextError(`not a wine registry hive (header "${header.slice(0, 40)}")`);
  }
  const ansi = header.trim() === 'REGEDIT4';
  const keys: RegTextKey[] = [];
  let current: RegTextKey | undefined;
  for (const line of lines) {
    const section = /^\[(-?)(.*)\](?:\s+\d+)?\s*$/.exec(line);
    if (section) {
      const path = dialect === 'wine' ? (section[2] ?? '').replace(/\\\\/g, '\\') : (section[2] ?? '');
      current = section[1] === '-' ? undefined : { path, values: [] };
      if (current) keys.push(current);
      continue;
    }
    if (!current) continue;
    let name: string;
    let rest: string;
    if (line.startsWith('@=')) {
      name = '';
      rest = line.slice(2);
    } else if (line.startsWith('"')) {
      const [quoted, end] = readQuoted(line, 0, dialect);
      if (line[end] !== '=') throw new RegTextError(`expected = after value name: ${line}`);
      name = quoted;
      rest = line.slice(end + 1);
    } else {
      continue; // wine metadata such as #time= or unknown lines
    }
    if (rest === '-') continue; // deletion in a regedit export
    current.values.push([name, parseData(rest.trim(), line, dialect, ansi)]);
  }
  return keys;
}
