import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRegQueryOutput } from '../../../electron/config/registry/reg-exe';
import { RegExportRegistry } from '../../../electron/config/registry/reg-export';
import { parseRegText, RegTextError } from '../../../electron/config/registry/reg-text';
import { policyKeyPath } from '../../../electron/config/registry/types';
import type { RegistryValues } from '../../../electron/config/registry/types';
import { WinePrefixRegistry } from '../../../electron/config/registry/wine-prefix';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const get = (values: RegistryValues, name: string) => values.get(name.toLowerCase())?.value;

describe('regedit export reader', () => {
  it('reads a version 5 export in UTF-16LE: strings with escapes, DWORD, hex(7) and hex(2) over continued lines', async () => {
    const values = await new RegExportRegistry(fixture('policy-v5-utf16.reg')).readValues(policyKeyPath);
    expect(get(values, 'DirectoryServers')).toEqual({ type: 'REG_MULTI_SZ', data: ['ldaps://dc1.example.test', 'ldaps://dc2.example.test'] });
    expect(get(values, 'BaseDns')).toEqual({ type: 'REG_MULTI_SZ', data: ['OU=Staff,DC=example,DC=test', 'OU=Contractors,DC=example,DC=test'] });
    expect(get(values, 'KioskIdleTimeoutSeconds')).toEqual({ type: 'REG_DWORD', data: 60 });
    expect(get(values, 'AuditLogPath')).toEqual({ type: 'REG_EXPAND_SZ', data: '%ProgramData%\\Sesame\\audit.log' });
    expect(get(values, 'TotpIssuer')).toEqual({ type: 'REG_SZ', data: 'Example "Corp" \\ IT' });
    // Only the policy key itself: the subkey's and the other key's values stay out.
    expect(get(values, 'KioskId')).toEqual({ type: 'REG_SZ', data: 'LOBBY-01' });
    expect(values.size).toBe(12);
  });

  it('reads a REGEDIT4 export in UTF-8 with its single-byte hex(7)', async () => {
    const values = await new RegExportRegistry(fixture('policy-regedit4.reg')).readValues(`HKEY_LOCAL_MACHINE\\${policyKeyPath}`);
    expect(get(values, 'DirectoryServers')).toEqual({ type: 'REG_MULTI_SZ', data: ['ldap://ldap1.example.test'] });
    expect(get(values, 'StartTls')).toEqual({ type: 'REG_DWORD', data: 1 });
  });

  it('gives no values for a key the export does not hold, and refuses a file that is no export', async () => {
    expect((await new RegExportRegistry(fixture('policy-v5-utf16.reg')).readValues('SOFTWARE\\Policies\\Absent')).size).toBe(0);
    expect(() => parseRegText('hello\n[x]\n', 'regedit')).toThrow(RegTextError);
  });
});

describe('wine prefix reader', () => {
  it("reads system.reg's str(7), str(2), \\x escapes and quoted names, only from the policy key", async () => {
    const values = await new WinePrefixRegistry(fixture('wine-prefix')).readValues(policyKeyPath);
    expect(get(values, 'BaseDns')).toEqual({ type: 'REG_MULTI_SZ', data: ['DC=example,DC=test', 'OU=Schöne,DC=example,DC=test'] });
    expect(get(values, 'AuditLogPath')).toEqual({ type: 'REG_EXPAND_SZ', data: 'C:\\ProgramData\\Sesame\\audit.log' });
    expect(get(values, 'ServiceBindDn')).toEqual({ type: 'REG_SZ', data: 'CN=svc "sesame",DC=example,DC=test' });
    expect(get(values, 'KioskMode')).toEqual({ type: 'REG_DWORD', data: 0 });
    expect(get(values, 'KioskId')).toBeUndefined();
  });

  it('rejects when the prefix has no system.reg, rather than reporting no policy', async () => {
    await expect(new WinePrefixRegistry(fixture('.')).readValues(policyKeyPath)).rejects.toThrow(/ENOENT/);
  });
});

describe('reg.exe query output', () => {
  it('parses names with spaces, REG_MULTI_SZ joined by \\0, DWORD in hex and the default value', () => {
    const output = [
      '',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Sesame',
      '    (Default)    REG_SZ    ',
      '    KioskMode    REG_DWORD    0x1',
      '    Multi Name    REG_MULTI_SZ    a\\0b c',
      '    DirectoryServers    REG_SZ    ldaps://dc1.example.test;ldaps://dc2.example.test',
      '    Blob    REG_BINARY    0A0B',
      '',
    ].join('\r\n');
    expect(parseRegQueryOutput(output)).toEqual([
      ['', { type: 'REG_SZ', data: '' }],
      ['KioskMode', { type: 'REG_DWORD', data: 1 }],
      ['Multi Name', { type: 'REG_MULTI_SZ', data: ['a', 'b c'] }],
      ['DirectoryServers', { type: 'REG_SZ', data: 'ldaps://dc1.example.test;ldaps://dc2.example.test' }],
      ['Blob', { type: 'REG_BINARY', data: Uint8Array.from([10, 11]) }],
    ]);
  });
});
