import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const uid = String(process.getuid?.() ?? 0);

function secrets(args: string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'electron', 'secrets', 'cli.ts'), ...args], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

describe('npm run secrets', () => {
  it('sets a secret from stdin without printing it, generates keys, reports status and rejects bad keys', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'sesame-cli-')), 'secrets');
    const options = ['--dir', dir, '--owner-uid', uid];
    const set = await secrets(['set', 'servicePassword', ...options], 'Very$ecret\n');
    expect(set.code).toBe(0);
    expect(set.stdout + set.stderr).not.toContain('Very$ecret');
    expect(await readFile(join(dir, 'servicePassword'), 'utf8')).toBe('Very$ecret');
    expect((await stat(join(dir, 'servicePassword'))).mode & 0o777).toBe(0o600);

    expect((await secrets(['generate', 'decoyHmacKey', ...options], '')).code).toBe(0);
    expect(Buffer.from(await readFile(join(dir, 'decoyHmacKey'), 'utf8'), 'base64')).toHaveLength(32);

    const bad = await secrets(['set', 'enrollmentEncryptionKey', ...options], 'short\n');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/must be 32 bytes, base64 encoded/);

    const status = await secrets(['status', ...options], '');
    expect(status.stderr).toMatch(/servicePassword: set/);
    expect(status.stderr).toMatch(/enrollmentEncryptionKey: not set/);

    expect((await secrets(['set', 'nonsense', ...options], '')).code).toBe(2);
  }, 30_000);
});
