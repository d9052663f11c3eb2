/**
 * The configuration as the app loads it at start: this machine's policy registry, config file and secret
 * store. Returns problems instead of throwing, so the shell can show the out-of-order screen.
 */
import { win32 } from 'node:path';
import { platformSecretStore } from '../secrets/platform-store';
import type { SecretReader } from '../secrets/store';
import { loadConfiguration } from './load';
import type { ConfigurationResult } from './problems';
import { RegExeRegistry } from './registry/reg-exe';
import type { PolicyRegistry } from './registry/types';
import type { SesameConfiguration } from './schema';

/** reg.exe by full path (not PATH) on Windows; elsewhere there is no machine policy. */
export function machinePolicyRegistry(platform: NodeJS.Platform, env: NodeJS.ProcessEnv = process.env): PolicyRegistry | undefined {
  if (platform !== 'win32') return undefined;
  return new RegExeRegistry([win32.join(env.SystemRoot ?? 'C:\\Windows', 'System32', 'reg.exe')], env);
}

export interface MachineConfigurationOptions {
  /** Required off Windows (there is no default location); overrides %ProgramData%\Sesame\config.json. */
  configFile?: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  secrets?: SecretReader;
}

export function loadMachineConfiguration(options: MachineConfigurationOptions = {}): Promise<ConfigurationResult<SesameConfiguration>> {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  return loadConfiguration({
    registry: machinePolicyRegistry(platform, env),
    configFile: options.configFile,
    secrets: options.secrets ?? platformSecretStore({ platform, env }),
    platform,
    env,
  });
}
