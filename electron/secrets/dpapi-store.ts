/**
 * Secrets on Windows: DPAPI in machine scope (ProtectedData.Protect with DataProtectionScope.LocalMachine)
 * through Windows PowerShell, one base64 blob per secret under %ProgramData%\Sesame\secrets. Machine scope
 * lets the service read them whichever account it runs as; the folder's ACL (SYSTEM and Administrators,
 * plus the account running Sesame's privileged side) is what keeps other local accounts out.
 * The value travels through stdin, never the command line, which other processes can read.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretName, SecretStore } from './store';

export type CommandRunner = (file: string, args: readonly string[], stdin: string) => Promise<string>;

const runCommand: CommandRunner = (file, args, stdin) =>
  new Promise((resolve, reject) => {
    const child = execFile(file, [...args], { windowsHide: true }, (error, stdout, stderr) =>
      error ? reject(new Error(`${file} failed: ${stderr.trim() || error.message}`)) : resolve(stdout),
    );
    child.stdin?.end(stdin);
  });

/** Binds blobs to this purpose: a blob copied from another DPAPI user of the machine does not decrypt here. */
const entropy = "[Text.Encoding]::UTF8.GetBytes('Sesame secret store v1')";
const scope = '[Security.Cryptography.DataProtectionScope]::LocalMachine';
const prelude = 'Add-Type -AssemblyName System.Security; $in = [Console]::In.ReadToEnd();';

export const protectScript = `${prelude} $b = [Text.Encoding]::UTF8.GetBytes($in); [Console]::Out.Write([Convert]::ToBase64String([Security.Cryptography.ProtectedData]::Protect($b, ${entropy}, ${scope})))`;
export const unprotectScript = `${prelude} $b = [Convert]::FromBase64String($in.Trim()); [Console]::Out.Write([Convert]::ToBase64String([Security.Cryptography.ProtectedData]::Unprotect($b, ${entropy}, ${scope})))`;

export class DpapiSecretStore implements SecretStore {
  readonly description: string;

  constructor(
    private readonly dir: string,
    /** Extra account allowed to read the blobs, e.g. `NT SERVICE\Sesame`. */
    private readonly readerAccount?: string,
    private readonly run: CommandRunner = runCommand,
  ) {
    this.description = `DPAPI (machine scope) in ${dir}`;
  }

  private powershell(script: string, stdin: string): Promise<string> {
    return this.run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], stdin);
  }

  async get(name: SecretName): Promise<string | undefined> {
    const blob = await readFile(join(this.dir, `${name}.dpapi`), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (blob === undefined) return undefined;
    // Returned base64-encoded so no console code page can alter the text on the way back.
    return Buffer.from(await this.powershell(unprotectScript, blob), 'base64').toString('utf8');
  }

  async set(name: SecretName, value: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const grants = ['*S-1-5-18:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F', ...(this.readerAccount ? [`${this.readerAccount}:(OI)(CI)R`] : [])];
    await this.run('icacls.exe', [this.dir, '/inheritance:r', '/grant:r', ...grants], '');
    const blob = await this.powershell(protectScript, value);
    const path = join(this.dir, `${name}.dpapi`);
    await writeFile(`${path}.tmp`, blob, 'utf8');
    await rename(`${path}.tmp`, path);
  }
}
