/**
 * Loads the configuration: policy registry over the machine config file over defaults, then secrets and
 * the CA file. Never throws for a bad configuration: the app shows an out-of-order screen from the problems.
 */
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { SecretName, SecretReader } from '../secrets/store';
import { fileLayer } from './file-layer';
import { mergeLayers, sourceOf } from './merge';
import { defaultAuditPath, defaultConfigFile } from './paths';
import { policyLayer } from './policy-values';
import type { ConfigProblem, ConfigurationResult } from './problems';
import { policyKeyPath } from './registry/types';
import type { PolicyRegistry } from './registry/types';
import { configurationSettingsSchema, sesameConfigurationSchema } from './schema';
import type { ConfigurationSettings, SesameConfiguration } from './schema';

export interface LoadOptions {
  /** The machine policy; absent where there is none (e.g. Linux without a wine prefix). */
  registry?: PolicyRegistry;
  /** Machine config file; defaults to %ProgramData%\Sesame\config.json on Windows. */
  configFile?: string;
  secrets: SecretReader;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
}

interface Issue {
  path: PropertyKey[];
  message: string;
  code: string;
  keys?: string[];
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[part] : undefined), root);
}

function issueProblems(issues: readonly Issue[], provenance: ReadonlyMap<string, string>, input: unknown): ConfigProblem[] {
  return issues.flatMap((issue) => {
    const parent = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((name) => {
        const key = [...parent, name].join('.');
        return { key, source: sourceOf(key, provenance), message: 'is not a configuration key (misspelt or misplaced?)' };
      });
    }
    const key = parent.join('.') || '(root)';
    const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
    return [{ key, source: sourceOf(key, provenance), message: missing ? 'is required but not set' : issue.message }];
  });
}

async function readSecrets(
  secrets: SecretReader,
  problems: ConfigProblem[],
): Promise<Partial<Record<SecretName, string>>> {
  const found: Partial<Record<SecretName, string>> = {};
  const needed: [SecretName, string][] = [
    ['servicePassword', 'directory.servicePassword'],
    ['enrollmentEncryptionKey', 'flows.keys.totpSecretKey'],
    ['decoyHmacKey', 'flows.keys.decoyKey'],
  ];
  for (const [name, key] of needed) {
    const source = `secret store (${secrets.description})`;
    try {
      const value = await secrets.get(name);
      if (value === undefined) problems.push({ key, source, message: `not set; run \`npm run secrets -- set ${name}\` as administrator` });
      else found[name] = value;
    } catch (error) {
      problems.push({ key, source, message: `cannot be read: ${(error as Error).message}` });
    }
  }
  return found;
}

async function readCaPem(settings: ConfigurationSettings, provenance: ReadonlyMap<string, string>, problems: ConfigProblem[]): Promise<string | undefined> {
  const caFile = settings.tls.caFile;
  if (caFile === undefined) return undefined;
  const problem = (message: string): undefined => {
    problems.push({ key: 'tls.caFile', source: sourceOf('tls.caFile', provenance), message });
    return undefined;
  };
  try {
    const pem = await readFile(caFile, 'utf8');
    return pem.includes('-----BEGIN CERTIFICATE-----') ? pem : problem(`${caFile} holds no PEM certificate`);
  } catch (error) {
    return problem(`cannot read ${caFile}: ${(error as Error).message}`);
  }
}

export async function loadConfiguration(options: LoadOptions): Promise<ConfigurationResult<SesameConfiguration>> {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const problems: ConfigProblem[] = [];
  const warnings: string[] = [];

  let policyValues = new Map() as Awaited<ReturnType<PolicyRegistry['readValues']>>;
  if (options.registry) {
    try {
      policyValues = await options.registry.readValues(policyKeyPath);
    } catch (error) {
      problems.push({ key: '(policy)', source: options.registry.description, message: `cannot read HKLM\\${policyKeyPath}: ${(error as Error).message}` });
    }
  }
  const policy = policyLayer(policyValues, options.registry?.description ?? 'none', env);
  const file = await fileLayer(options.configFile ?? defaultConfigFile(platform, env));
  problems.push(...policy.problems, ...file.problems);
  warnings.push(...policy.warnings, ...file.warnings);
  if (problems.length > 0) return { ok: false, problems };

  const provenance = new Map([...file.provenance, ...policy.provenance]);
  // An empty directory section makes the error list the keys that must be set, not just "directory".
  const merged = mergeLayers(mergeLayers({ directory: {} }, file.settings), policy.settings);
  const parsed = configurationSettingsSchema.safeParse(merged);
  if (!parsed.success) return { ok: false, problems: issueProblems(parsed.error.issues, provenance, merged) };
  const settings = parsed.data;

  const secrets = await readSecrets(options.secrets, problems);
  const caPem = await readCaPem(settings, provenance, problems);
  if (problems.length > 0) return { ok: false, problems };

  const { tls: _tls, ...rest } = settings;
  const runtimeInput = {
    ...rest,
    directory: { ...settings.directory, servicePassword: secrets.servicePassword, ...(caPem ? { caPem } : {}) },
    flows: {
      ...settings.flows,
      defaultLanguage: settings.languages.default,
      keys: { totpSecretKey: secrets.enrollmentEncryptionKey, decoyKey: secrets.decoyHmacKey },
    },
    kiosk: { ...settings.kiosk, id: settings.kiosk.id ?? hostname() },
    audit: { path: settings.audit.path ?? defaultAuditPath(platform, env) },
  };
  const runtime = sesameConfigurationSchema.safeParse(runtimeInput);
  if (!runtime.success) {
    // Keys come from the secret store: name the key, never echo its content.
    const secretIssue = (p: ConfigProblem): ConfigProblem =>
      p.key.startsWith('flows.keys') || p.key === 'directory.servicePassword'
        ? { ...p, source: `secret store (${options.secrets.description})` }
        : p;
    return { ok: false, problems: issueProblems(runtime.error.issues, provenance, runtimeInput).map(secretIssue) };
  }
  return { ok: true, value: runtime.data, warnings };
}
