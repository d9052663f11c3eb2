/**
 * Provisions the test domain EXAMPLE.TEST offline and configures it with samba-tool against the tdb
 * files (no server needed): password settings, Sesame's delegated service account, a fine-grained
 * password policy (PSO) for one group. The result is cached as a tarball keyed by the Samba version and
 * this set-up's revision, so later runs restore it in a fraction of a second; a run works from nothing.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Bump when the steps below change, so a stale cached directory is not reused. */
const setupRevision = 6;

export const domain = {
  realm: 'EXAMPLE.TEST',
  netbiosDomain: 'EXAMPLE',
  hostName: 'dc1',
  baseDn: 'DC=example,DC=test',
  adminPassword: 'Admin-Secret-1',
  serviceName: 'sesame-svc',
  servicePassword: 'Service-Secret-1',
  longPasswordGroup: 'sesame-long-passwords',
  longPasswordPso: 'sesame-long-pso',
  /**
   * Enrollment records in tests live in this existing schema attribute (single-valued Unicode string,
   * no size limit, on every user through msDS-CloudExtensions). It belongs to the Personal-Information
   * property set, which users may write on their own entry: production uses the shipped confidential
   * `sesameEnrollment` schema (electron/enrollment/schema/ad-sesame.ldf) instead.
   */
  enrollmentAttribute: 'msDS-cloudExtensionAttribute1',
  /** Help-desk operators: delegated reset, unlock and password metadata on users (their own binds make the writes). */
  helpdeskGroup: 'sesame-helpdesk',
  /** Help-desk readers: no delegation beyond what every authenticated user may read. */
  helpdeskReadersGroup: 'sesame-helpdesk-readers',
} as const;

// schemaIDGUIDs and rights GUIDs from the AD schema (identical in every forest).
const userClass = 'bf967aba-0de6-11d0-a285-00aa003049e2';
const resetPasswordRight = '00299570-246d-11d0-a768-00aa006e0529';
const lockoutTimeAttribute = '28630ebf-41d5-11d1-a9c1-0000f80367c1';
const pwdLastSetAttribute = 'bf967a0a-0de6-11d0-a285-00aa003049e2';
const cloudExtensionAttribute1 = '9709eaaf-49da-4db2-908a-0446e5eab844';
const userAccountControlAttribute = 'bf967a68-0de6-11d0-a285-00aa003049e2';
const accountExpiresAttribute = 'bf967915-0de6-11d0-a285-00aa003049e2';

async function sambaTool(args: string[]): Promise<string> {
  try {
    const { stdout } = await run('samba-tool', args, { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`samba-tool ${args.slice(0, 3).join(' ')} failed: ${stderr.trim().slice(-2000) || String(error)}`);
  }
}

export async function sambaVersion(): Promise<string> {
  const { stdout } = await run('/usr/sbin/samba', ['--version']);
  return stdout.trim().replace(/^Version\s+/, '');
}

async function provision(targetDir: string): Promise<void> {
  const emptyConf = join(targetDir, 'empty.conf');
  await mkdir(targetDir, { recursive: true });
  // An empty -s file keeps the host's /etc/samba/smb.conf out of the provisioned settings.
  await writeFile(emptyConf, '');
  await sambaTool([
    'domain', 'provision', '-s', emptyConf, `--targetdir=${targetDir}`, `--realm=${domain.realm}`, `--domain=${domain.netbiosDomain}`,
    '--server-role=dc', '--dns-backend=NONE', `--adminpass=${domain.adminPassword}`, `--host-name=${domain.hostName}`, '--host-ip=127.0.0.1',
    '--option=interfaces=lo', '--option=bind interfaces only=yes',
    // kpasswd (464) is served by the kdc service in Samba 4.17; a separate "kpasswd" service does not exist.
    '--option=server services = ldap, kdc',
  ]);
  await rm(emptyConf);
}

const batchScript = join(import.meta.dirname, 'samba-tool-batch.py');
const batchSeparator = '\n--sesame-samba-tool-batch--\n';

/** Runs samba-tool commands in one Python process; returns each command's output. */
async function sambaToolBatch(commands: string[][]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile('/usr/bin/python3', [batchScript], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`samba-tool batch failed: ${stderr.trim().slice(-2000) || String(error)}`));
      else resolve(stdout.split(batchSeparator).slice(0, commands.length));
    });
    child.stdin?.end(JSON.stringify(commands));
  });
}

function sidIn(output: string | undefined, what: string): string {
  const sid = /objectSid: (S-1-5-21-[\d-]+)/.exec(output ?? '')?.[1];
  if (!sid) throw new Error(`no objectSid for ${what}: ${output ?? '(no output)'}`);
  return sid;
}

async function configure(targetDir: string): Promise<void> {
  const target = ['-s', join(targetDir, 'etc', 'smb.conf'), '-H', `tdb://${join(targetDir, 'private', 'sam.ldb')}`];
  const psoContainer = `CN=Password Settings Container,CN=System,${domain.baseDn}`;
  const outputs = await sambaToolBatch([
    ['domain', 'passwordsettings', 'set', ...target, '--complexity=on', '--min-pwd-length=7', '--history-length=24', '--min-pwd-age=0',
      '--account-lockout-threshold=3', '--account-lockout-duration=30', '--reset-account-lockout-after=30'],
    ['user', 'create', domain.serviceName, domain.servicePassword, ...target],
    ['group', 'add', domain.longPasswordGroup, ...target],
    ['domain', 'passwordsettings', 'pso', 'create', domain.longPasswordPso, '10', '--min-pwd-length=12', ...target],
    ['domain', 'passwordsettings', 'pso', 'apply', domain.longPasswordPso, domain.longPasswordGroup, ...target],
    // The help-desk groups: operators get what a help desk is delegated on user objects; readers nothing.
    ['group', 'add', domain.helpdeskGroup, ...target],
    ['group', 'add', domain.helpdeskReadersGroup, ...target],
    ['user', 'show', domain.serviceName, '--attributes=objectSid', ...target],
    ['group', 'show', domain.helpdeskGroup, '--attributes=objectSid', ...target],
  ]);
  const serviceSid = sidIn(outputs[7], domain.serviceName);
  const helpdeskSid = sidIn(outputs[8], domain.helpdeskGroup);
  const onUsers = (sid: string, rights: string, guid: string) => `(OA;CIIO;${rights};${guid};${userClass};${sid})`;
  // The delegation an administrator grants Sesame (installer/README): Reset Password, lockoutTime and
  // pwdLastSet, and the enrollment attribute, inherited by user objects only.
  const serviceAces = [
    onUsers(serviceSid, 'CR', resetPasswordRight),
    onUsers(serviceSid, 'RPWP', lockoutTimeAttribute),
    onUsers(serviceSid, 'RPWP', pwdLastSetAttribute),
    onUsers(serviceSid, 'RPWP', cloudExtensionAttribute1),
  ];
  const helpdeskAces = [
    onUsers(helpdeskSid, 'CR', resetPasswordRight),
    onUsers(helpdeskSid, 'RPWP', lockoutTimeAttribute),
    onUsers(helpdeskSid, 'RPWP', pwdLastSetAttribute),
    onUsers(helpdeskSid, 'RPWP', userAccountControlAttribute),
    onUsers(helpdeskSid, 'RPWP', accountExpiresAttribute),
  ];
  await sambaToolBatch([
    ['dsacl', 'set', ...target, `--objectdn=${domain.baseDn}`, `--sddl=${[...serviceAces, ...helpdeskAces].join('')}`],
    // PSOs are readable only by Domain Admins by default; the effective policy needs them.
    ['dsacl', 'set', ...target, `--objectdn=${psoContainer}`, `--sddl=(A;CI;RPLCLORC;;;${serviceSid})(A;CI;RPLCLORC;;;${helpdeskSid})`],
  ]);
}

/** smb.conf holds absolute paths; the cached copy is moved, so they are rewritten on restore. */
const pathMarker = 'provisioned-at';

async function restore(tarball: string, targetDir: string): Promise<void> {
  await mkdir(targetDir, { recursive: true });
  await run('tar', ['-xf', tarball, '-C', targetDir]);
  const originalDir = (await readFile(join(targetDir, pathMarker), 'utf8')).trim();
  const confPath = join(targetDir, 'etc', 'smb.conf');
  const conf = await readFile(confPath, 'utf8');
  await writeFile(confPath, conf.replaceAll(originalDir, targetDir));
}

export interface ProvisionResult {
  fromCache: boolean;
}

/** A configured, never-started domain in `targetDir`, from the cache when one matches. */
export async function provisionedDomain(targetDir: string, cacheDir: string): Promise<ProvisionResult> {
  const key = `${(await sambaVersion()).replace(/[^\w.-]/g, '_')}-r${setupRevision}`;
  const tarball = join(cacheDir, `${key}.tar`);
  try {
    await restore(tarball, targetDir);
    return { fromCache: true };
  } catch {
    await rm(targetDir, { recursive: true, force: true });
  }
  await provision(targetDir);
  await configure(targetDir);
  await writeFile(join(targetDir, pathMarker), targetDir);
  await mkdir(cacheDir, { recursive: true });
  // Written under a temporary name and renamed, so a concurrent or interrupted run never sees half a tarball.
  const partial = `${tarball}.${process.pid}.partial`;
  await run('tar', ['-cf', partial, '-C', targetDir, '.']);
  await rename(partial, tarball);
  return { fromCache: false };
}
