/**
 * A real Samba 4.17 AD DC for integration tests: domain EXAMPLE.TEST on 127.0.0.1 with LDAP 389 (StartTLS),
 * LDAPS 636, KDC 88 and kpasswd 464 (AD ports are fixed: one DC per address, one harness per machine at a
 * time). The domain comes provisioned and configured from test/support/samba/provision.ts (cached), gets a
 * fresh per-run CA and DC certificate, and runs as one foreground process (`samba -F -M single`) stopped
 * by its pid. Needs root and the Debian packages samba and winbind (installed when missing).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'ldapts';
import type { SambaInfo } from './servers';
import type { RunningServer } from './slapd';
import { acquireHarnessLock, adPorts, ensureSambaInstalled, listening, requireFreePorts, stopSystemSambaDaemons } from './samba/host';
import { forgetServer, harnessDirPrefix, reapLeftoverServer, recordServer } from './samba/leftovers';
import { domain, provisionedDomain } from './samba/provision';
import { writeDcCertificates } from './samba/tls';

const cacheDir = resolve(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'sesame-samba');
const tlsServerName = `${domain.hostName}.${domain.realm.toLowerCase()}`;

async function waitUntilServing(child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`samba exited with ${child.exitCode}: ${output()}`);
    if ((await Promise.all(Object.values(adPorts).map(listening))).every(Boolean)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`samba not serving ${Object.values(adPorts).join(', ')} within 30 s: ${output()}`);
}

/** A rootDSE read over LDAPS verified against the run's CA and the DC's name. */
async function answersOverTls(caPem: string, output: () => string): Promise<void> {
  const client = new Client({ url: `ldaps://127.0.0.1:${adPorts.ldaps}`, tlsOptions: { ca: caPem, servername: tlsServerName }, connectTimeout: 5000, timeout: 5000 });
  try {
    await client.search('', { scope: 'base', attributes: ['defaultNamingContext'] });
  } catch (error) {
    throw new Error(`samba does not answer over LDAPS: ${String(error)}; log: ${output()}`);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startSamba(): Promise<RunningServer<SambaInfo>> {
  const started = Date.now();
  await ensureSambaInstalled();
  const releaseLock = await acquireHarnessLock();
  await reapLeftoverServer().catch((error: unknown) => {
    releaseLock();
    throw error;
  });
  const dir = await mkdtemp(harnessDirPrefix);
  let child: ChildProcess | undefined;
  const cleanUpNow = () => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    forgetServer();
    releaseLock();
  };
  try {
    await stopSystemSambaDaemons();
    await requireFreePorts();
    const { fromCache } = await provisionedDomain(dir, cacheDir);
    const caPem = await writeDcCertificates(join(dir, 'private', 'tls'), tlsServerName);
    const smbConf = join(dir, 'etc', 'smb.conf');
    // -F keeps it in the foreground (our child's pid is samba's); not -i, which exits when stdin closes.
    child = spawn('/usr/sbin/samba', ['-F', '--debug-stdout', '-M', 'single', '-s', smbConf], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const running = child;
    try {
      await waitUntilServing(running, () => log);
      await answersOverTls(caPem, () => log);
    } catch (error) {
      await stopProcess(running);
      throw error;
    }
    if (running.pid === undefined) throw new Error('samba started without a pid');
    await recordServer(running.pid, dir);
    // If the run ends without stop() (another server failed), samba must not outlive it.
    process.once('exit', cleanUpNow);
    running.unref();
    (running.stdout as Socket | null)?.unref();
    (running.stderr as Socket | null)?.unref();
    // Measured here: about 9 s from nothing (provision + samba-tool), about 0.7 s from the cache.
    if (process.env.SESAME_SAMBA_TIMING) console.log(`samba ready in ${Date.now() - started} ms (${fromCache ? 'cached' : 'provisioned'} domain)`);

    const info: SambaInfo = {
      ldapsUrl: `ldaps://127.0.0.1:${adPorts.ldaps}`,
      ldapUrl: `ldap://127.0.0.1:${adPorts.ldap}`,
      caPem,
      tlsServerName,
      realm: domain.realm,
      domain: domain.netbiosDomain,
      baseDn: domain.baseDn,
      usersDn: `CN=Users,${domain.baseDn}`,
      adminDn: `CN=Administrator,CN=Users,${domain.baseDn}`,
      adminPassword: domain.adminPassword,
      serviceDn: `CN=${domain.serviceName},CN=Users,${domain.baseDn}`,
      servicePassword: domain.servicePassword,
      longPasswordGroupDn: `CN=${domain.longPasswordGroup},CN=Users,${domain.baseDn}`,
      longPasswordPsoDn: `CN=${domain.longPasswordPso},CN=Password Settings Container,CN=System,${domain.baseDn}`,
      enrollmentAttribute: domain.enrollmentAttribute,
      helpdeskGroupDn: `CN=${domain.helpdeskGroup},CN=Users,${domain.baseDn}`,
      helpdeskReadersGroupDn: `CN=${domain.helpdeskReadersGroup},CN=Users,${domain.baseDn}`,
      targetDir: dir,
      smbConf,
      kdc: `127.0.0.1:${adPorts.kdc}`,
      kpasswd: `127.0.0.1:${adPorts.kpasswd}`,
      pid: running.pid,
    };
    return {
      info,
      async stop() {
        process.off('exit', cleanUpNow);
        await stopProcess(running);
        await rm(dir, { recursive: true, force: true });
        forgetServer();
        releaseLock();
      },
    };
  } catch (error) {
    if (child) await stopProcess(child);
    await rm(dir, { recursive: true, force: true });
    releaseLock();
    throw error;
  }
}
