/**
 * Secrets as root-only files (Linux and other Unix hosts): one file per secret, mode 0600, owned by root,
 * in a directory only root can change. A file others could read is refused, not silently used: a leaked
 * copy must be replaced, and the administrator has to know.
 */
import { lstat, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretName, SecretStore } from './store';

export const defaultSecretsDir = '/etc/sesame/secrets';

export class RootFileSecretStore implements SecretStore {
  readonly description: string;

  /** `ownerUid` is root's in production; tests pass their own uid to exercise the checks unprivileged. */
  constructor(
    private readonly dir: string = defaultSecretsDir,
    private readonly ownerUid: number = 0,
  ) {
    this.description = `root-only files in ${dir}`;
  }

  private async checkPrivate(path: string, kind: 'file' | 'directory'): Promise<'missing' | 'ok'> {
    const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!info) return 'missing';
    if (kind === 'file' ? !info.isFile() : !info.isDirectory()) throw new Error(`refusing ${path}: not a plain ${kind} (symlinks are refused)`);
    if (info.uid !== this.ownerUid) throw new Error(`refusing ${path}: owned by uid ${info.uid}, not ${this.ownerUid}`);
    const mode = info.mode & 0o777;
    const exposed = kind === 'file' ? mode & 0o077 : mode & 0o022;
    if (exposed !== 0) {
      throw new Error(`refusing ${path}: mode ${mode.toString(8).padStart(4, '0')} lets others ${kind === 'file' ? 'read it' : 'change it'}; chmod ${kind === 'file' ? '600' : '700'} and replace the secret`);
    }
    return 'ok';
  }

  async get(name: SecretName): Promise<string | undefined> {
    if ((await this.checkPrivate(this.dir, 'directory')) === 'missing') return undefined;
    const path = join(this.dir, name);
    if ((await this.checkPrivate(path, 'file')) === 'missing') return undefined;
    return readFile(path, 'utf8');
  }

  async set(name: SecretName, value: string): Promise<void> {
    if (process.getuid && process.getuid() !== this.ownerUid) throw new Error(`run as uid ${this.ownerUid} (root) to set secrets`);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await this.checkPrivate(this.dir, 'directory');
    const path = join(this.dir, name);
    const temporary = `${path}.${process.pid}.tmp`;
    // Created 0600 from the start (no window where the value is readable), then renamed over the old one.
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(value, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path).catch(async (error: unknown) => {
      await rm(temporary, { force: true });
      throw error;
    });
  }
}
