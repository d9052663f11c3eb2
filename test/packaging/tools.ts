/** Packaging tests need real tools; a missing one fails the run with the Debian package to install. */
import { execFileSync } from 'node:child_process';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

const requiredTools: Record<string, string> = {
  wixl: 'wixl',
  'wixl-heat': 'wixl',
  msibuild: 'msitools',
  msiinfo: 'msitools',
  wine: 'wine wine64',
  wineserver: 'wine wine64',
  'x86_64-w64-mingw32-gcc': 'gcc-mingw-w64-x86-64',
  'x86_64-w64-mingw32-windres': 'binutils-mingw-w64-x86-64',
};

export function assertPackagingTools(): void {
  const missing = Object.entries(requiredTools).filter(([tool]) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    throw new Error(`packaging tests need: ${missing.map(([tool, pkg]) => `${tool} (apt-get install ${pkg})`).join(', ')}`);
  }
}

/** One MSI table as rows of column name -> value (msiinfo export prints a tab-separated IDT). */
export async function msiTable(msi: string, table: string): Promise<Record<string, string>[]> {
  const { stdout } = await run('msiinfo', ['export', msi, table]);
  const [header = '', , , ...rows] = stdout.split(/\r?\n/).filter((line) => line !== '');
  const columns = header.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((cell, i) => [columns[i] ?? `col${i}`, cell])));
}

export interface WinePrefix {
  prefix: string;
  env: NodeJS.ProcessEnv;
  /** Runs a wine command; resolves with the exit code (msiexec's 1603 shows as 1603 & 0xff = 67). */
  wine(args: string[]): Promise<number>;
  /** Waits until wineserver has written the registry files (it writes them lazily) and exited. */
  flush(): Promise<void>;
}

export async function createWinePrefix(prefix: string): Promise<WinePrefix> {
  // No display is needed for msiexec /qn; mscoree/mshtml disabled so wineboot does not ask for Mono/Gecko.
  const env = { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=', DISPLAY: '' };
  const wine = async (args: string[]): Promise<number> => {
    try {
      await run('wine', args, { env, maxBuffer: 16 * 1024 * 1024 });
      return 0;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'number') return code;
      throw error;
    }
  };
  const flush = async (): Promise<void> => {
    await run('wineserver', ['-w'], { env });
  };
  await run('wineboot', ['--init'], { env });
  await flush();
  return { prefix, env, wine, flush };
}
