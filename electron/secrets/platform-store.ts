/** The secret store of this platform: DPAPI on Windows, root-only files elsewhere. */
import { win32 } from 'node:path';
import { programDataDir } from '../config/paths';
import { DpapiSecretStore } from './dpapi-store';
import { defaultSecretsDir, RootFileSecretStore } from './root-file-store';
import type { SecretStore } from './store';

export interface SecretStoreOptions {
  platform?: NodeJS.Platform;
  /** Overrides the default folder (%ProgramData%\Sesame\secrets, /etc/sesame/secrets). */
  dir?: string;
  /** Required owner of root-only files: root (0) unless staging under another account. */
  ownerUid?: number;
  env?: NodeJS.ProcessEnv;
}

export function platformSecretStore(options: SecretStoreOptions = {}): SecretStore {
  const platform = options.platform ?? process.platform;
  if (platform === 'win32') return new DpapiSecretStore(options.dir ?? win32.join(programDataDir(options.env), 'secrets'));
  return new RootFileSecretStore(options.dir ?? defaultSecretsDir, options.ownerUid ?? 0);
}
