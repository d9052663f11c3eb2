/**
 * A run killed outright (SIGKILL, a crashed runner) cannot stop its samba, which then keeps the fixed AD
 * ports. The harness records the server it starts; the next holder of the harness lock finds the record,
 * kills that samba (only if it is a samba working in the recorded temp dir) and removes the dir.
 */
import { rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasFileOpenBelow } from './host';

const recordPath = '/tmp/sesame-samba-harness.server.json';
export const harnessDirPrefix = join(tmpdir(), 'sesame-samba-');

export async function recordServer(pid: number, dir: string): Promise<void> {
  await writeFile(recordPath, JSON.stringify({ pid, dir }));
}

export function forgetServer(): void {
  rmSync(recordPath, { force: true });
}

async function isRunningSambaIn(pid: number, dir: string): Promise<boolean> {
  const program = (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim();
  return program === 'samba' && (await hasFileOpenBelow(String(pid), dir));
}

/** Call while holding the harness lock. */
export async function reapLeftoverServer(): Promise<void> {
  const text = await readFile(recordPath, 'utf8').catch(() => undefined);
  if (text === undefined) return;
  const record = JSON.parse(text) as { pid?: unknown; dir?: unknown };
  const { pid, dir } = record;
  if (typeof dir === 'string' && dir.startsWith(harnessDirPrefix)) {
    if (typeof pid === 'number' && (await isRunningSambaIn(pid, dir))) {
      process.kill(pid, 'SIGKILL');
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && (await isRunningSambaIn(pid, dir))) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await rm(dir, { recursive: true, force: true });
  }
  forgetServer();
}
