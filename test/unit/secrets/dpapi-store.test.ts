import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DpapiSecretStore, protectScript, unprotectScript } from '../../../electron/secrets/dpapi-store';
import type { CommandRunner } from '../../../electron/secrets/dpapi-store';

/**
 * No Windows here: these tests pin the contract with PowerShell (machine scope, value on stdin only, ACL
 * first) with a recording runner that reverses the "protection". The real DPAPI round trip is a Windows check.
 */
function recordingRunner(): { calls: { file: string; args: readonly string[]; stdin: string }[]; run: CommandRunner } {
  const calls: { file: string; args: readonly string[]; stdin: string }[] = [];
  const run: CommandRunner = async (file, args, stdin) => {
    calls.push({ file, args, stdin });
    const script = args[args.length - 1];
    if (script === protectScript) return Buffer.from(`blob:${stdin}`).toString('base64');
    if (script === unprotectScript) return Buffer.from(Buffer.from(stdin, 'base64').toString('utf8').replace(/^blob:/, '')).toString('base64');
    return '';
  };
  return { calls, run };
}

describe('DpapiSecretStore', () => {
  it('protects with LocalMachine scope and entropy, passing the value on stdin and never as an argument', async () => {
    expect(protectScript).toContain('[Security.Cryptography.ProtectedData]::Protect(');
    expect(protectScript).toContain('DataProtectionScope]::LocalMachine');
    expect(unprotectScript).toContain('::Unprotect(');
    const dir = await mkdtemp(join(tmpdir(), 'sesame-dpapi-'));
    const { calls, run } = recordingRunner();
    const store = new DpapiSecretStore(dir, 'NT SERVICE\\Sesame', run);
    await store.set('servicePassword', 'S3cret "quoted" ü');
    expect(calls.map((c) => c.file)).toEqual(['icacls.exe', 'powershell.exe']);
    expect(calls[0]?.args).toEqual([dir, '/inheritance:r', '/grant:r', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F', 'NT SERVICE\\Sesame:(OI)(CI)R']);
    expect(calls[1]?.args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-Command']);
    expect(calls.flatMap((c) => c.args).join(' ')).not.toContain('S3cret');
    expect(calls[1]?.stdin).toBe('S3cret "quoted" ü');
    // What lands on disk is the protected blob, not the value.
    expect(await readFile(join(dir, 'servicePassword.dpapi'), 'utf8')).not.toContain('S3cret');
    expect(await store.get('servicePassword')).toBe('S3cret "quoted" ü');
    expect(await store.get('decoyHmacKey')).toBeUndefined();
  });
});
