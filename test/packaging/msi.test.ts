/**
 * Packaging proof: builds the MSI from a stand-in app (no Electron Windows runtime exists here), inspects
 * its tables, installs it silently under wine in a fresh prefix, upgrades keeping settings, refuses a
 * downgrade, uninstalls cleanly, and loads the configuration from what the MSI wrote.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfiguration } from '../../electron/config/load';
import { policySettings } from '../../electron/config/policy-settings';
import { RegExeRegistry } from '../../electron/config/registry/reg-exe';
import { policyKeyPath } from '../../electron/config/registry/types';
import { WinePrefixRegistry } from '../../electron/config/registry/wine-prefix';
import { buildMsi } from '../../scripts/installer/build-msi';
import { mainExecutable, msiPolicyProperties, upgradeCode } from '../../scripts/installer/msi-properties';
import { buildStandInApp } from '../../scripts/installer/stand-in-app';
import { allSecrets, memorySecrets } from '../unit/config/memory-secrets';
import { assertPackagingTools, createWinePrefix, msiTable } from './tools';
import type { WinePrefix } from './tools';

let work: string;
let wine: WinePrefix;
const msi: Record<string, string> = {};
const installDir = (): string => join(wine.prefix, 'drive_c', 'Program Files', 'Sesame');
const policy = async (): Promise<Record<string, unknown>> =>
  Object.fromEntries([...(await new WinePrefixRegistry(wine.prefix).readValues(policyKeyPath)).values()].map(({ name, value }) => [name, value.data]));
const productCode = async (path: string): Promise<string> =>
  (await msiTable(path, 'Property')).find((r) => r.Property === 'ProductCode')?.Value ?? '';
const uninstallEntry = async (path: string) =>
  new WinePrefixRegistry(wine.prefix).readValues(`Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${await productCode(path)}`);

const installProperties = [
  'DIRECTORY_KIND=activeDirectory',
  'DIRECTORY_URL=ldaps://dc1.example.test;ldaps://dc2.example.test',
  'BASE_DN=OU=Staff,DC=example,DC=test',
  'SERVICE_BIND_DN=CN=svc-sesame,OU=Service Accounts,DC=example,DC=test',
  'LOGIN_ATTRIBUTES=sAMAccountName;userPrincipalName',
  'KIOSK_MODE=1',
  'KIOSK_ID=LOBBY-7',
  'ENABLED_FLOWS=unlockAccount',
];

beforeAll(async () => {
  assertPackagingTools();
  work = await mkdtemp(join(tmpdir(), 'sesame-packaging-'));
  const started = Date.now();
  for (const version of ['0.9.0', '1.0.0', '1.1.0']) {
    const app = await buildStandInApp(join(work, `app-${version}`), version);
    msi[version] = await buildMsi({ appDir: app, version, outDir: join(work, 'out') });
  }
  console.log(`packaging: built 3 stand-in apps and MSIs in ${Date.now() - started} ms`);
  const booting = Date.now();
  wine = await createWinePrefix(join(work, 'wineprefix'));
  console.log(`packaging: wineboot --init of a fresh prefix took ${Date.now() - booting} ms`);
});

afterAll(async () => {
  if (wine) await wine.flush().catch(() => undefined);
  if (work) await rm(work, { recursive: true, force: true });
});

describe('Sesame MSI', () => {
  it('has per-machine, upgrade-safe tables: fixed UpgradeCode, downgrade block, secure properties, no shortcuts or launch', async () => {
    const path = msi['1.0.0'] ?? '';
    const property = Object.fromEntries((await msiTable(path, 'Property')).map((r) => [r.Property, r.Value]));
    expect(property).toMatchObject({ ALLUSERS: '1', ARPNOMODIFY: '1', ARPNOREPAIR: '1', ProductVersion: '1.0.0', UpgradeCode: `{${upgradeCode}}` });
    const secure = (property.SecureCustomProperties ?? '').split(';');
    for (const name of Object.keys(msiPolicyProperties)) expect(secure).toContain(name);

    const upgrade = await msiTable(path, 'Upgrade');
    expect(upgrade).toContainEqual(expect.objectContaining({ VersionMax: '1.0.0', ActionProperty: 'WIX_UPGRADE_DETECTED' }));
    expect(upgrade).toContainEqual(expect.objectContaining({ VersionMin: '1.0.0', ActionProperty: 'WIX_DOWNGRADE_DETECTED' }));
    expect(await msiTable(path, 'LaunchCondition')).toContainEqual(expect.objectContaining({ Condition: 'NOT WIX_DOWNGRADE_DETECTED' }));

    // Each public property writes its policy value only when set, under HKLM (root 2).
    const registry = await msiTable(path, 'Registry');
    const components = Object.fromEntries((await msiTable(path, 'Component')).map((r) => [r.Component, r]));
    const valueNames = new Set(policySettings.map((p) => p.valueName));
    for (const [name, valueName] of Object.entries(msiPolicyProperties)) {
      expect(valueNames).toContain(valueName);
      const row = registry.find((r) => r.Name === valueName);
      expect(row, valueName).toMatchObject({ Root: '2', Key: policyKeyPath, Value: `[${name}]` });
      expect(components[row?.Component_ ?? '']?.Condition).toBe(name);
    }

    const files = await msiTable(path, 'File');
    expect(files.map((f) => f.FileName)).toContain(mainExecutable);
    const directories = await msiTable(path, 'Directory');
    expect(directories).toContainEqual(expect.objectContaining({ Directory: 'INSTALLDIR', Directory_Parent: 'ProgramFiles64Folder', DefaultDir: 'Sesame' }));
    expect(await msiTable(path, 'Shortcut')).toEqual([]);
    // Only set-property actions (type 51): nothing runs the app after installing.
    for (const action of await msiTable(path, 'CustomAction')) expect(Number(action.Type) & 0x3f, action.Action).toBe(51);
  });

  it('installs silently with properties into Program Files and the policy key, and the loader reads them', async () => {
    expect(await wine.wine(['msiexec', '/i', msi['1.0.0'] ?? '', '/qn', ...installProperties])).toBe(0);
    await wine.flush();
    const installed = await readFile(join(installDir(), mainExecutable));
    expect(installed.subarray(0, 2).toString('latin1')).toBe('MZ');
    expect(installed.toString('utf16le')).toContain('Stand-in for electron.exe');
    expect((await stat(join(installDir(), 'resources', 'app.asar'))).isFile()).toBe(true);
    expect(await policy()).toEqual({
      DirectoryKind: 'activeDirectory',
      DirectoryServers: 'ldaps://dc1.example.test;ldaps://dc2.example.test',
      BaseDns: 'OU=Staff,DC=example,DC=test',
      ServiceBindDn: 'CN=svc-sesame,OU=Service Accounts,DC=example,DC=test',
      LoginAttributes: 'sAMAccountName;userPrincipalName',
      KioskMode: '1',
      KioskId: 'LOBBY-7',
      EnabledFlows: 'unlockAccount',
    });
    // The same values through reg.exe, as the app reads them on Windows.
    const viaRegExe = await new RegExeRegistry(['wine', 'reg'], wine.env).readValues(policyKeyPath);
    expect(viaRegExe.get('kioskid')?.value).toEqual({ type: 'REG_SZ', data: 'LOBBY-7' });
    // A key that does not exist is "no policy", not a failure.
    expect((await new RegExeRegistry(['wine', 'reg'], wine.env).readValues('SOFTWARE\\Policies\\SesameAbsent')).size).toBe(0);

    const loaded = await loadConfiguration({ registry: new WinePrefixRegistry(wine.prefix), secrets: memorySecrets(allSecrets), platform: 'linux' });
    expect(loaded.ok, JSON.stringify(loaded)).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.directory.servers).toEqual(['ldaps://dc1.example.test', 'ldaps://dc2.example.test']);
    expect(loaded.value.directory.loginAttributes).toEqual(['sAMAccountName', 'userPrincipalName']);
    expect(loaded.value.kiosk).toMatchObject({ enabled: true, id: 'LOBBY-7', enabledFlows: ['unlockAccount'] });
  });

  it('upgrades to a newer build keeping the settings, and takes a property given with the upgrade', async () => {
    // A value as Group Policy writes it (REG_DWORD) comes back with its type. (REG_MULTI_SZ would too on
    // Windows, whose AppSearch returns it [~]-delimited; wine 8's AppSearch does not return multi-strings.)
    const regAdd = (name: string, type: string, data: string): Promise<number> =>
      wine.wine(['reg', 'add', `HKLM\\${policyKeyPath}`, '/v', name, '/t', type, '/d', data, '/f', '/reg:64']);
    expect(await regAdd('HelpDeskOffered', 'REG_DWORD', '1')).toBe(0);
    await wine.flush();
    expect(await wine.wine(['msiexec', '/i', msi['1.1.0'] ?? '', '/qn', 'KIOSK_ID=LOBBY-8', '/l*v', 'C:\\upgrade.log'])).toBe(0);
    await wine.flush();
    // The values come back through the remembered properties, not by luck of component reference counts.
    const log = await readFile(join(wine.prefix, 'drive_c', 'upgrade.log'), 'utf8');
    expect(log).toMatch(/Action start [\d:]+: Restore_DIRECTORY_URL\./);
    expect(log).toMatch(/Action start [\d:]+: Restore_ENABLED_FLOWS\./);
    expect(log).not.toMatch(/Action start [\d:]+: Restore_KIOSK_ID\./);
    expect(await policy()).toMatchObject({ DirectoryServers: 'ldaps://dc1.example.test;ldaps://dc2.example.test', KioskMode: '1', KioskId: 'LOBBY-8', EnabledFlows: 'unlockAccount' });
    const typed = await new WinePrefixRegistry(wine.prefix).readValues(policyKeyPath);
    expect(typed.get('helpdeskoffered')?.value).toEqual({ type: 'REG_DWORD', data: 1 });
    expect((await uninstallEntry(msi['1.1.0'] ?? '')).get('displayversion')?.value.data).toBe('1.1.0');
    expect((await uninstallEntry(msi['1.0.0'] ?? '')).size).toBe(0);
    expect(installedVersion(await readFile(join(installDir(), 'resources', 'app.asar'), 'utf8'))).toBe('1.1.0');
  });

  it('refuses a downgrade and leaves the newer version in place', async () => {
    expect(await wine.wine(['msiexec', '/i', msi['0.9.0'] ?? '', '/qn'])).not.toBe(0);
    await wine.flush();
    expect((await uninstallEntry(msi['0.9.0'] ?? '')).size).toBe(0);
    expect((await uninstallEntry(msi['1.1.0'] ?? '')).get('displayversion')?.value.data).toBe('1.1.0');
    expect(installedVersion(await readFile(join(installDir(), 'resources', 'app.asar'), 'utf8'))).toBe('1.1.0');
  });

  it('uninstalls cleanly: no files, no policy values, no Add/Remove Programs entry', async () => {
    expect(await wine.wine(['msiexec', '/x', msi['1.1.0'] ?? '', '/qn'])).toBe(0);
    await wine.flush();
    await expect(stat(installDir())).rejects.toThrow(/ENOENT/);
    expect(await policy()).toEqual({});
    expect((await uninstallEntry(msi['1.1.0'] ?? '')).size).toBe(0);
  });
});

function installedVersion(asarPlaceholder: string): string | undefined {
  return /Sesame (\d+\.\d+\.\d+)/.exec(asarPlaceholder)?.[1];
}
