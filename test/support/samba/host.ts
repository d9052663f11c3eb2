/**
 * Host preparation for the Samba AD DC: the Debian packages, no system Samba daemons holding the fixed
 * AD ports, and one harness at a time (an AD DC's ports cannot move, so concurrent test runs on one
 * machine take turns instead of failing on "address in use").
 */
import { execFile } from 'node:child_process';
import { access, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const adPorts = { ldap: 389, ldaps: 636, kdc: 88, kpasswd: 464 } as const;

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Installs samba when missing, with services kept from starting by themselves (policy-rc.d). */
export async function ensureSambaInstalled(): Promise<void> {
  if ((await exists('/usr/sbin/samba')) && (await exists('/usr/bin/samba-tool'))) return;
  if (process.getuid?.() !== 0) throw new Error('samba is not installed and the tests are not running as root: apt-get install samba winbind');
  await writeFile('/usr/sbin/policy-rc.d', '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await run('apt-get', ['update'], { env, maxBuffer: 64 * 1024 * 1024 });
    await run('apt-get', ['install', '-y', '--no-install-recommends', 'samba', 'samba-ad-provision', 'samba-dsdb-modules', 'winbind'], { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`apt-get install samba failed: ${((error as { stderr?: string }).stderr ?? String(error)).slice(-2000)}`);
  }
}

/** Whether a process has a file open below `prefix` (samba rewrites its command line, so args cannot tell). */
export async function hasFileOpenBelow(pid: string, prefix: string): Promise<boolean> {
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
  for (const fd of fds) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    if (target.startsWith(prefix)) return true;
  }
  return false;
}

/**
 * Kills daemons a package installation may have started: smbd, nmbd, and a `samba` running the system's
 * own domain (files open in /var/lib/samba). A harness-started samba works in a temp dir and is left alone.
 */
export async function stopSystemSambaDaemons(): Promise<void> {
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const program = (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim();
    const system = program === 'smbd' || program === 'nmbd' || (program === 'samba' && (await hasFileOpenBelow(pid, '/var/lib/samba/')));
    if (!system) continue;
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

const lockPath = '/tmp/sesame-samba-harness.lock';

/** Waits for the machine-wide harness lock (a stale lock of a dead process is taken over). */
export async function acquireHarnessLock(timeoutMs = 15 * 60_000): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
    // An empty file is a lock being written right now; only a dead holder's lock is taken over.
    if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another Samba test harness (pid ${holder}) has held ${lockPath} for ${timeoutMs / 60_000} minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Fails with the reason when something else already holds an AD port on loopback. */
export async function requireFreePorts(): Promise<void> {
  const taken: string[] = [];
  for (const [name, port] of Object.entries(adPorts)) if (await listening(port)) taken.push(`${name} ${port}`);
  if (taken.length > 0) throw new Error(`AD ports already in use on 127.0.0.1 (${taken.join(', ')}): stop the other directory server first`);
}
