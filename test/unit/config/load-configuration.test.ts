import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfiguration } from '../../../electron/config/load';
import { defaultAuditPath, defaultConfigFile } from '../../../electron/config/paths';
import { formatProblem } from '../../../electron/config/problems';
import { RegExportRegistry } from '../../../electron/config/registry/reg-export';
import { valuesFrom } from '../../../electron/config/registry/types';
import type { PolicyRegistry } from '../../../electron/config/registry/types';
import { WinePrefixRegistry } from '../../../electron/config/registry/wine-prefix';
import { allSecrets, memorySecrets } from './memory-secrets';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
let dir: string;
const configFile = async (name: string, content: unknown): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const base = { secrets: memorySecrets(allSecrets), platform: 'linux' as const };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sesame-config-'));
});

describe('loadConfiguration', () => {
  it('takes policy over the config file over defaults, and adds secrets', async () => {
    const file = await configFile('layers.json', {
      directory: { kind: 'passwordModify', servers: ['ldaps://file.example.test'], serviceBindDn: 'cn=file', baseDns: ['dc=file'], loginAttributes: ['uid'] },
      kiosk: { helpDeskOffered: true, idleTimeoutSeconds: 300 },
      flows: { lockout: { failuresBeforeLockout: 5 } },
    });
    const env = { PROGRAMDATA: 'C:\\ProgramData' };
    const result = await loadConfiguration({ ...base, env, configFile: file, registry: new RegExportRegistry(fixture('policy-v5-utf16.reg')) });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const config = result.value;
    // From policy:
    expect(config.directory.kind).toBe('activeDirectory');
    expect(config.directory.servers).toEqual(['ldaps://dc1.example.test', 'ldaps://dc2.example.test']);
    expect(config.directory.loginAttributes).toEqual(['sAMAccountName', 'userPrincipalName']);
    expect(config.kiosk).toMatchObject({ enabled: true, id: 'LOBBY-01', idleTimeoutSeconds: 60, enabledFlows: ['forgotPassword', 'unlockAccount'] });
    expect(config.flows.lockout.lockoutDurationsSeconds).toEqual([60, 600]);
    expect(config.flows.totp.issuer).toBe('Example "Corp" \\ IT');
    // REG_EXPAND_SZ is expanded with the environment, variable names case-insensitive.
    expect(config.audit.path).toBe('C:\\ProgramData\\Sesame\\audit.log');
    // From the file where policy is silent, merged inside a section:
    expect(config.kiosk.helpDeskOffered).toBe(true);
    expect(config.flows.lockout.failuresBeforeLockout).toBe(5);
    // Defaults and secrets:
    expect(config.flows.lockout.timedLockoutsBeforePermanent).toBe(3);
    expect(config.languages.default).toBe('en');
    expect(config.directory.servicePassword).toBe(allSecrets.servicePassword);
    expect(config.flows.keys.decoyKey).toBe(allSecrets.decoyHmacKey);
  });

  it('runs from policy alone (REGEDIT4), with platform defaults for the audit path', async () => {
    const result = await loadConfiguration({ ...base, registry: new RegExportRegistry(fixture('policy-regedit4.reg')) });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.value.directory).toMatchObject({ kind: 'passwordModify', startTls: true, baseDns: ['ou=people,dc=example,dc=test'] });
    expect(result.value.languages.default).toBe('fr');
    expect(result.value.flows.defaultLanguage).toBe('fr');
    expect(result.value.audit.path).toBe('/var/log/sesame/audit.log');
  });

  it('reads the wine hive format the same way', async () => {
    const result = await loadConfiguration({ ...base, registry: new WinePrefixRegistry(fixture('wine-prefix')) });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.value.kiosk).toMatchObject({ enabled: false, helpDeskOffered: true });
    expect(result.value.directory.servers).toEqual(['ldaps://dc1.example.test', 'ldaps://dc2.example.test']);
  });

  it('names key, policy value and what is allowed for every bad policy value, and refuses a plain secret there', async () => {
    const result = await loadConfiguration({ ...base, registry: new RegExportRegistry(fixture('policy-bad-utf8.reg')) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map(formatProblem);
    expect(messages).toContainEqual(expect.stringMatching(/^kiosk\.enabled \(policy HKLM\\SOFTWARE\\Policies\\Sesame\\KioskMode .*expected REG_DWORD 0 or 1.*found REG_SZ "yes"/));
    expect(messages).toContainEqual(expect.stringMatching(/^ServicePassword \(policy .*\): secrets are never read from policy/));
    // The secret's value never appears in what the out-of-order screen shows.
    expect(messages.join('\n')).not.toContain('hunter2');
  });

  it('reports schema violations with the policy value that caused them', async () => {
    const registry: PolicyRegistry = {
      description: 'test registry',
      readValues: async () => new RegExportRegistry(fixture('policy-bad-utf8.reg')).readValues('SOFTWARE\\Policies\\Sesame').then((values) => {
        const kept = new Map(values);
        kept.delete('kioskmode');
        kept.delete('servicepassword');
        return kept;
      }),
    };
    const result = await loadConfiguration({ ...base, registry });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map(formatProblem);
    expect(messages).toContainEqual(expect.stringMatching(/^kiosk\.idleTimeoutSeconds \(policy .*KioskIdleTimeoutSeconds.*\): .*>=\s*15/));
    expect(messages).toContainEqual(expect.stringMatching(/^kiosk\.enabledFlows\.0 \(policy .*EnabledFlows.*\): .*expected one of "forgotPassword"/));
  });

  it('names the config file for its own mistakes, required keys nobody set, and secrets put in it', async () => {
    const file = await configFile('bad.json', {
      directory: { kind: 'activeDirectory', servicePassword: 'plain', loginAttributes: ['sAMAccountName'], serviceBindDn: 'cn=x' },
      kiosk: { idleTimeoutSeconds: 'long' },
      surprise: true,
    });
    const first = await loadConfiguration({ ...base, configFile: file });
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.problems.map(formatProblem)).toEqual([`directory.servicePassword (config file ${file}): secrets are never read from the config file; store them with \`npm run secrets -- set <name>\``]);

    const file2 = await configFile('bad2.json', {
      directory: { kind: 'activeDirectory', loginAttributes: ['sAMAccountName'], serviceBindDn: 'cn=x' },
      kiosk: { idleTimeoutSeconds: 'long' },
      surprise: true,
    });
    const second = await loadConfiguration({ ...base, configFile: file2 });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    const messages = second.problems.map(formatProblem);
    expect(messages).toContain('directory.baseDns (defaults (not set by policy or config file)): is required but not set');
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^kiosk\\.idleTimeoutSeconds \\(config file .*bad2\\.json\\): .*expected number`)));
    expect(messages).toContain(`surprise (config file ${file2}): is not a configuration key (misspelt or misplaced?)`);
  });

  it('fails with the reason on unreadable JSON, a broken registry, a missing secret or a missing CA file', async () => {
    const notJson = await loadConfiguration({ ...base, configFile: await configFile('x.json', '{ nope') });
    expect(!notJson.ok && notJson.problems[0]?.message).toMatch(/not valid JSON/);

    const broken: PolicyRegistry = { description: 'reg.exe', readValues: async () => { throw new Error('access denied'); } };
    const unreadable = await loadConfiguration({ ...base, registry: broken });
    expect(!unreadable.ok && formatProblem(unreadable.problems[0]!)).toMatch(/^\(policy\) \(reg\.exe\): cannot read HKLM\\SOFTWARE\\Policies\\Sesame: access denied/);

    const registry = new RegExportRegistry(fixture('policy-regedit4.reg'));
    const noSecret = await loadConfiguration({ ...base, registry, secrets: memorySecrets({ ...allSecrets, decoyHmacKey: undefined }) });
    expect(!noSecret.ok && noSecret.problems.map(formatProblem)).toEqual([
      'flows.keys.decoyKey (secret store (test secrets)): not set; run `npm run secrets -- set decoyHmacKey` as administrator',
    ]);

    const shortKey = await loadConfiguration({ ...base, registry, secrets: memorySecrets({ ...allSecrets, enrollmentEncryptionKey: 'c2hvcnQ=' }) });
    expect(!shortKey.ok && shortKey.problems.map(formatProblem)).toEqual(['flows.keys.totpSecretKey (secret store (test secrets)): must be 32 bytes, base64 encoded']);

    const caFile = await configFile('ca.json', { tls: { caFile: join(dir, 'missing-ca.pem') } });
    const noCa = await loadConfiguration({ ...base, registry, configFile: caFile });
    expect(!noCa.ok && formatProblem(noCa.problems[0]!)).toMatch(/^tls\.caFile \(config file .*ca\.json\): cannot read .*missing-ca\.pem/);
  });

  it('splits REG_SZ lists on ; and on a literal [~] (an MSI property carrying the multi-string separator)', async () => {
    const registry: PolicyRegistry = {
      description: 'test registry',
      readValues: async () =>
        valuesFrom([
          ['DirectoryKind', { type: 'REG_SZ', data: 'activeDirectory' }],
          ['ServiceBindDn', { type: 'REG_SZ', data: 'CN=svc,DC=example,DC=test' }],
          ['BaseDns', { type: 'REG_SZ', data: 'OU=A,DC=example,DC=test[~]OU=B,DC=example,DC=test' }],
          ['LoginAttributes', { type: 'REG_SZ', data: ' sAMAccountName ; userPrincipalName ;' }],
          ['HelpDeskOffered', { type: 'REG_SZ', data: '' }],
        ]),
    };
    const result = await loadConfiguration({ ...base, registry });
    expect(result.ok && result.value.directory.baseDns).toEqual(['OU=A,DC=example,DC=test', 'OU=B,DC=example,DC=test']);
    expect(result.ok && result.value.directory.loginAttributes).toEqual(['sAMAccountName', 'userPrincipalName']);
    // An empty REG_SZ is an MSI property left unset: the default applies.
    expect(result.ok && result.value.kiosk.helpDeskOffered).toBe(false);
  });

  it('puts the CA PEM named by tls.caFile into the directory settings', async () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const caPath = join(dir, 'ca.pem');
    await writeFile(caPath, pem);
    const result = await loadConfiguration({ ...base, registry: new RegExportRegistry(fixture('policy-regedit4.reg')), configFile: await configFile('ca-ok.json', { tls: { caFile: caPath } }) });
    expect(result.ok && result.value.directory.caPem).toBe(pem);
  });

  it('uses %ProgramData%\\Sesame\\config.json and an audit log beside it on Windows, no default file elsewhere', () => {
    const env = { ProgramData: 'D:\\Data' };
    expect(defaultConfigFile('win32', env)).toBe('D:\\Data\\Sesame\\config.json');
    expect(defaultAuditPath('win32', env)).toBe('D:\\Data\\Sesame\\audit.log');
    expect(defaultConfigFile('linux', env)).toBeUndefined();
  });
});
