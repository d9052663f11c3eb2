import { chmod, mkdir, mkdtemp, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { RootFileSecretStore } from '../../../electron/secrets/root-file-store';

const uid = process.getuid?.() ?? 0;
let dir: string;

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'sesame-secrets-')), 'store');
});

describe('RootFileSecretStore', () => {
  it('stores a secret as a 0600 file in a 0700 folder and reads it back', async () => {
    const store = new RootFileSecretStore(dir, uid);
    expect(await store.get('servicePassword')).toBeUndefined();
    await store.set('servicePassword', 'Pässw0rd with spaces ');
    expect(await store.get('servicePassword')).toBe('Pässw0rd with spaces ');
    expect((await stat(join(dir, 'servicePassword'))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    await store.set('servicePassword', 'second');
    expect(await readFile(join(dir, 'servicePassword'), 'utf8')).toBe('second');
  });

  it('refuses a secret file others can read, saying what to do', async () => {
    const store = new RootFileSecretStore(dir, uid);
    await store.set('decoyHmacKey', 'k');
    await chmod(join(dir, 'decoyHmacKey'), 0o640);
    await expect(store.get('decoyHmacKey')).rejects.toThrow(/mode 0640 lets others read it; chmod 600 and replace the secret/);
  });

  it('refuses a folder others can change, a symlinked secret and a file of another owner', async () => {
    const store = new RootFileSecretStore(dir, uid);
    await store.set('servicePassword', 'x');
    await chmod(dir, 0o777);
    await expect(store.get('servicePassword')).rejects.toThrow(/lets others change it/);
    await chmod(dir, 0o700);

    const elsewhere = join(dir, '..', 'planted');
    await writeFile(elsewhere, 'planted', { mode: 0o600 });
    await symlink(elsewhere, join(dir, 'enrollmentEncryptionKey'));
    await expect(store.get('enrollmentEncryptionKey')).rejects.toThrow(/symlinks are refused/);

    // Expecting another owner than the files have is how a non-root-owned file looks to the real store.
    await expect(new RootFileSecretStore(dir, uid + 1).get('servicePassword')).rejects.toThrow(new RegExp(`owned by uid ${uid}, not ${uid + 1}`));
  });

  it('will not set secrets for an owner other than the running user', async () => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await expect(new RootFileSecretStore(dir, uid + 1).set('servicePassword', 'x')).rejects.toThrow(/run as uid/);
  });
});
