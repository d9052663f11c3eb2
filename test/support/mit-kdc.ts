/**
 * A real MIT Kerberos realm for integration tests: database, KDC and kadmind (which serves kpasswd) in a
 * temporary directory on free loopback ports, started in about a second. Needs the Debian packages
 * krb5-kdc, krb5-admin-server and krb5-user. Fails with the reason when something cannot start.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer as createTcpServer, Socket } from 'node:net';
import { createSocket } from 'node:dgram';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const templates = join(import.meta.dirname, 'mit-kdc');

export interface MitRealm {
  realm: string;
  /** 127.0.0.1:<port>, TCP and UDP */
  kdc: string;
  /** 127.0.0.1:<port>, TCP and UDP */
  kpasswd: string;
  /** KRB5_CONFIG for kinit against this realm */
  krb5Conf: string;
  /** May set any password through kpasswd (kadm5.acl "c"). */
  adminPrincipal: string;
  adminPassword: string;
  /** Policy given to principals added with addUser: minimum length and two character classes. */
  policy: { name: string; minLength: number; minClasses: number };
  /** Adds a principal under the policy; by default with AES-SHA1 keys only (RFC 3962), as AD has. */
  addUser(name: string, password: string, enctypes?: readonly string[]): Promise<void>;
  /** Runs MIT kinit with the password; resolves true when it obtained a ticket. */
  kinit(principal: string, password: string): Promise<boolean>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  for (let tries = 0; tries < 20; tries++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createTcpServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
  throw new Error('no free loopback port for the MIT KDC');
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

async function waitForPorts(ports: number[], children: ChildProcess[], dir: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const exited = children.find((child) => child.exitCode !== null);
    if (exited) throw new Error(`${exited.spawnfile} exited with ${exited.exitCode}: ${await logs(dir)}`);
    if ((await Promise.all(ports.map(listening))).every(Boolean)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`MIT KDC/kadmind not listening within 15 s: ${await logs(dir)}`);
}

async function logs(dir: string): Promise<string> {
  const read = (name: string) => readFile(join(dir, name), 'utf8').catch(() => '');
  return `krb5kdc.log: ${await read('krb5kdc.log')}\nkadmind.log: ${await read('kadmind.log')}`;
}

async function fill(template: string, values: Record<string, string>): Promise<string> {
  let text = await readFile(join(templates, template), 'utf8');
  for (const [key, value] of Object.entries(values)) text = text.replaceAll(`@${key}@`, value);
  return text;
}

const requiredPrograms = ['/usr/sbin/kdb5_util', '/usr/sbin/kadmin.local', '/usr/sbin/krb5kdc', '/usr/sbin/kadmind', '/usr/bin/kinit'];

async function checkInstalled(): Promise<void> {
  const missing: string[] = [];
  for (const program of requiredPrograms) await access(program, constants.X_OK).catch(() => missing.push(program));
  if (missing.length > 0) {
    throw new Error(`MIT Kerberos is not installed (missing ${missing.join(', ')}): apt-get install -y krb5-kdc krb5-admin-server krb5-user`);
  }
}

export async function startMitKdc(realm = 'SESAME.TEST'): Promise<MitRealm> {
  await checkInstalled();
  const dir = await mkdtemp(join(tmpdir(), 'sesame-mit-'));
  const [kdcPort, kpasswdPort, kadminPort] = [await freePort(), await freePort(), await freePort()];
  const values = { DIR: dir, REALM: realm, KDC_PORT: String(kdcPort), KPASSWD_PORT: String(kpasswdPort), KADMIN_PORT: String(kadminPort) };
  const kdcConf = join(dir, 'kdc.conf');
  const krb5Conf = join(dir, 'krb5.conf');
  await writeFile(kdcConf, await fill('kdc.conf.template', values));
  await writeFile(krb5Conf, await fill('krb5.conf.template', values));
  const adminPrincipal = `sesame-admin@${realm}`;
  const adminPassword = 'Admin-Pass-1';
  await writeFile(join(dir, 'kadm5.acl'), `${adminPrincipal} c *\n`);
  const env = { ...process.env, KRB5_CONFIG: krb5Conf, KRB5_KDC_PROFILE: kdcConf, KRB5CCNAME: `FILE:${join(dir, 'ccache')}` };
  const policy = { name: 'sesame', minLength: 8, minClasses: 2 };
  const kadminLocal = (query: string) => run('kadmin.local', ['-r', realm, '-q', query], { env });

  await run('kdb5_util', ['create', '-s', '-r', realm, '-P', 'master-key-for-tests'], { env });
  await kadminLocal(`addpol -minlength ${policy.minLength} -minclasses ${policy.minClasses} ${policy.name}`);
  await kadminLocal(`addprinc -pw ${adminPassword} ${adminPrincipal}`);

  const children = [
    spawn('krb5kdc', ['-n', '-r', realm], { env, stdio: 'ignore' }),
    spawn('kadmind', ['-nofork', '-r', realm], { env, stdio: 'ignore' }),
  ];
  try {
    await waitForPorts([kdcPort, kpasswdPort], children, dir);
  } catch (error) {
    for (const child of children) child.kill();
    throw error;
  }

  return {
    realm,
    kdc: `127.0.0.1:${kdcPort}`,
    kpasswd: `127.0.0.1:${kpasswdPort}`,
    krb5Conf,
    adminPrincipal,
    adminPassword,
    policy,
    async addUser(name, password, enctypes = ['aes256-cts-hmac-sha1-96', 'aes128-cts-hmac-sha1-96']) {
      const keys = enctypes.map((enctype) => `${enctype}:normal`).join(',');
      const { stdout, stderr } = await kadminLocal(`addprinc -policy ${policy.name} -e ${keys} -pw ${password} ${name}`);
      if (!/created/.test(stdout + stderr)) throw new Error(`addprinc ${name} failed: ${stderr}`);
    },
    kinit(principal, password) {
      return new Promise((resolve, reject) => {
        const child = spawn('kinit', [principal], { env: { ...env, KRB5CCNAME: `MEMORY:kinit-check` }, stdio: ['pipe', 'ignore', 'ignore'] });
        child.once('error', reject);
        child.stdin.end(`${password}\n`);
        child.once('exit', (code) => resolve(code === 0));
      });
    },
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
              child.once('exit', () => {
                clearTimeout(kill);
                resolve();
              });
              child.kill('SIGTERM');
            }),
        ),
      );
      await rm(dir, { recursive: true, force: true });
    },
  };
}
