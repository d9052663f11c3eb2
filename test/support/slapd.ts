/**
 * A real OpenLDAP slapd for integration tests: its own cn=config (built offline with slapadd -n0), an mdb
 * database with the ppolicy and memberof overlays, Sesame's schema, a least-privilege service account,
 * and per-run TLS, listening only on 127.0.0.1 at free ports (ldap:// with StartTLS and ldaps://).
 * Needs the Debian packages slapd, ldap-utils and openssl. Fails with the reason when it cannot start.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'ldapts';
import type { SlapdInfo } from './servers';
import { makeCertificateAuthority, makeServerCertificate } from './slapd/certificates';

export interface RunningServer<T> {
  info: T;
  stop(): Promise<void>;
}

const run = promisify(execFile);
const fixtures = join(import.meta.dirname, 'slapd');
const slapdBinary = '/usr/sbin/slapd';

const baseDn = 'dc=example,dc=test';
const names = {
  BASE: baseDn,
  ADMIN_DN: `cn=admin,${baseDn}`,
  ADMIN_PASSWORD: 'Admin-Secret-1',
  SERVICE_DN: `cn=sesame,ou=services,${baseDn}`,
  SERVICE_PASSWORD: 'Service-Secret-1',
  POLICY_DN: `cn=default,ou=policies,${baseDn}`,
  HELPDESK_DN: `cn=helpdesk,ou=groups,${baseDn}`,
  HELPDESK_READERS_DN: `cn=helpdesk-readers,ou=groups,${baseDn}`,
  NEVER_EXPIRES_POLICY_DN: `cn=never-expires,ou=policies,${baseDn}`,
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
  });
}

async function fill(template: string, values: Record<string, string>): Promise<string> {
  let text = await readFile(join(fixtures, template), 'utf8');
  for (const [key, value] of Object.entries(values)) text = text.replaceAll(`@${key}@`, value);
  return text;
}

async function slapadd(args: string[], ldif: string): Promise<void> {
  try {
    await run('/usr/sbin/slapadd', [...args, '-l', ldif]);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`slapadd ${args.join(' ')} failed: ${stderr.trim() || String(error)}`);
  }
}

async function waitUntilServing(child: ChildProcess, ports: number[], output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`slapd exited with ${child.exitCode}: ${output()}`);
    if ((await Promise.all(ports.map(listening))).every(Boolean)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`slapd not listening within 10 s: ${output()}`);
}

/** A rootDSE read over LDAPS, verified against the run's CA: proves TLS and the frontend are set up. */
async function answersOverTls(url: string, caPem: string, output: () => string): Promise<void> {
  const client = new Client({ url, tlsOptions: { ca: caPem }, connectTimeout: 3000, timeout: 3000 });
  try {
    await client.search('', { scope: 'base', attributes: ['namingContexts'] });
  } catch (error) {
    throw new Error(`slapd does not answer over ${url}: ${String(error)}; log: ${output()}`);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startSlapd(): Promise<RunningServer<SlapdInfo>> {
  await access(slapdBinary).catch(() => {
    throw new Error(`${slapdBinary} not found: install the Debian packages slapd and ldap-utils`);
  });
  const dir = await mkdtemp(join(tmpdir(), 'sesame-slapd-'));
  try {
    const configDir = join(dir, 'slapd.d');
    await Promise.all([mkdir(configDir), mkdir(join(dir, 'data'))]);
    const ca = await makeCertificateAuthority(dir);
    await makeServerCertificate(dir, ca);

    const values = { ...names, DIR: dir, SCHEMA: join(fixtures, 'sesame-schema.ldif') };
    await writeFile(join(dir, 'config.ldif'), await fill('config.ldif.template', values));
    await writeFile(join(dir, 'data.ldif'), await fill('data.ldif.template', values));
    await slapadd(['-n0', '-F', configDir], join(dir, 'config.ldif'));
    await slapadd(['-n1', '-F', configDir], join(dir, 'data.ldif'));

    const [ldapPort, ldapsPort] = [await freePort(), await freePort()];
    const ldapUrl = `ldap://127.0.0.1:${ldapPort}`;
    const ldapsUrl = `ldaps://127.0.0.1:${ldapsPort}`;
    // -d keeps slapd in the foreground, so the child's pid is slapd's and its log reaches us.
    const child = spawn(slapdBinary, ['-d', 'none', '-F', configDir, '-h', `${ldapUrl}/ ${ldapsUrl}/`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    });
    try {
      await waitUntilServing(child, [ldapPort, ldapsPort], () => log);
      await answersOverTls(ldapsUrl, ca.pem, () => log);
    } catch (error) {
      await stopProcess(child);
      throw error;
    }
    if (child.pid === undefined) throw new Error('slapd started without a pid');
    // If the run ends without calling stop() (another server's start failed), slapd must not outlive it
    // nor keep the test runner waiting on its log pipe.
    const killOnExit = () => {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    };
    process.once('exit', killOnExit);
    child.unref();
    (child.stderr as Socket | null)?.unref();

    const info: SlapdInfo = {
      ldapsUrl,
      ldapUrl,
      caPem: ca.pem,
      baseDn,
      peopleDn: `ou=people,${baseDn}`,
      groupsDn: `ou=groups,${baseDn}`,
      adminDn: names.ADMIN_DN,
      adminPassword: names.ADMIN_PASSWORD,
      serviceDn: names.SERVICE_DN,
      servicePassword: names.SERVICE_PASSWORD,
      defaultPolicyDn: names.POLICY_DN,
      helpdeskGroupDn: names.HELPDESK_DN,
      helpdeskReadersGroupDn: names.HELPDESK_READERS_DN,
      neverExpiresPolicyDn: names.NEVER_EXPIRES_POLICY_DN,
      pid: child.pid,
    };
    return {
      info,
      async stop() {
        process.off('exit', killOnExit);
        await stopProcess(child);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
