import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'ldapts';
import { describe, expect, inject, it } from 'vitest';
import { isDirectoryError, type DirectoryError } from '../../electron/directory/errors';
import { KerberosPasswordTransport, type KerberosConfigInput, type KerberosExchangeEvent } from '../../electron/kerberos';

const run = promisify(execFile);
const samba = inject('samba');

const transport = (overrides: Partial<KerberosConfigInput> = {}, now?: () => Date) =>
  new KerberosPasswordTransport({ realm: samba.realm, kdcs: [samba.kdc], kpasswdServers: [samba.kpasswd], ...overrides }, now ? { now } : {});

const adminPrincipal = 'Administrator';
const unique = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
let userCount = 0;

/** A fresh user; "must change at next logon" leaves the minimum password age out of the way, as for a real reset user. */
async function newUser(password: string): Promise<string> {
  const name = `krb${unique}${++userCount}`;
  await run('samba-tool', ['user', 'create', name, password, '--must-change-at-next-login', '-s', samba.smbConf]);
  return name;
}

async function ldapBindWorks(user: string, password: string): Promise<boolean> {
  const client = new Client({ url: samba.ldapsUrl, tlsOptions: { ca: [samba.caPem], servername: samba.tlsServerName } });
  try {
    await client.bind(`CN=${user},${samba.usersDn}`, password);
    return true;
  } catch {
    return false;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

async function failure(promise: Promise<unknown>, ...secrets: string[]): Promise<DirectoryError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isDirectoryError(error)) throw new Error(`expected a DirectoryError, got ${String(error)}`);
  for (const secret of secrets) expect(`${error.message} ${error.logMessage}`).not.toContain(secret);
  return error;
}

describe('Kerberos password change and set against Samba AD', () => {
  it('changes a user’s own password over TCP; LDAP bind then takes the new one', async () => {
    const user = await newUser('Start-Pass-1');
    await transport().changePassword(user, 'Start-Pass-1', 'Changed-Pass-2');
    expect(await ldapBindWorks(user, 'Changed-Pass-2')).toBe(true);
    // AD keeps accepting the previous password for binds during "old password allowed period" (60 min),
    // so the old one is checked where it is refused at once: Kerberos pre-authentication.
    const old = await failure(transport().changePassword(user, 'Start-Pass-1', 'Other-Pass-3'));
    expect(old.code).toBe('invalidCredentials');
  });

  it('sets another user’s password as a domain admin; LDAP bind then takes it', async () => {
    const user = await newUser('Start-Pass-1');
    await transport().setPassword(adminPrincipal, samba.adminPassword, `${user}@${samba.realm}`, 'Reset-Pass-3');
    expect(await ldapBindWorks(user, 'Reset-Pass-3')).toBe(true);
  });

  it('sets a password as Sesame’s delegated service account (Reset Password right, not an admin)', async () => {
    const servicePrincipal = /^CN=([^,]+),/i.exec(samba.serviceDn)?.[1];
    if (!servicePrincipal) throw new Error(`cannot derive the service account's name from ${samba.serviceDn}`);
    const user = await newUser('Start-Pass-1');
    await transport().setPassword(servicePrincipal, samba.servicePassword, user, 'Reset-Pass-3');
    expect(await ldapBindWorks(user, 'Reset-Pass-3')).toBe(true);
  });

  it('works with UDP configured: the AS reply too big for UDP is fetched over TCP, kpasswd goes over UDP', async () => {
    const user = await newUser('Start-Pass-1');
    const exchanges: KerberosExchangeEvent[] = [];
    const udp = new KerberosPasswordTransport(
      { realm: samba.realm, kdcs: [samba.kdc], kpasswdServers: [samba.kpasswd], transport: 'udp' },
      { onExchange: (event) => exchanges.push(event) },
    );
    await udp.changePassword(user, 'Start-Pass-1', 'Changed-Pass-2');
    expect(await ldapBindWorks(user, 'Changed-Pass-2')).toBe(true);
    expect(exchanges.map((event) => `${event.service} ${event.protocol} ${event.outcome}`)).toEqual([
      'kdc udp answered', // PREAUTH_REQUIRED with ETYPE-INFO2
      'kdc udp answered', // KRB_ERR_RESPONSE_TOO_BIG
      'kdc udp responseTooBig',
      'kdc tcp answered', // the ticket
      'kpasswd udp answered',
    ]);
  });

  it('reports a too-short and a non-complex password as policy errors with the reason', async () => {
    const { stdout } = await run('samba-tool', ['domain', 'passwordsettings', 'show', '-s', samba.smbConf]);
    const minLength = /Minimum password length: (\d+)/.exec(stdout)?.[1];
    // Preconditions of this test, stated rather than assumed: the domain checks length and complexity.
    expect(stdout).toMatch(/Password complexity: on/);
    expect(Number(minLength)).toBeGreaterThan(3);
    const user = await newUser('Start-Pass-1');
    const short = await failure(transport().changePassword(user, 'Start-Pass-1', 'Ab1'), 'Start-Pass-1', 'Ab1');
    expect(short.code).toBe('passwordPolicy');
    expect(short.details.failedRules).toEqual(['minLength']);
    expect(short.logMessage).toContain(`at least ${minLength} characters`);
    const simple = await failure(transport().setPassword(adminPrincipal, samba.adminPassword, user, 'alllowercaseletters'));
    expect(simple.code).toBe('passwordPolicy');
    expect(simple.details.failedRules).toEqual(['complexity']);
  });

  it('reports a wrong current password as invalid credentials', async () => {
    const user = await newUser('Start-Pass-1');
    const error = await failure(transport().changePassword(user, 'Wrong-Pass-1', 'Changed-Pass-2'), 'Wrong-Pass-1', 'Changed-Pass-2');
    expect(error.code).toBe('invalidCredentials');
  });

  it('reports an unknown principal, as client or as set target, as user not found', async () => {
    expect((await failure(transport().changePassword(`nobody${unique}`, 'Any-Pass-1', 'Changed-Pass-2'))).code).toBe('userNotFound');
    const error = await failure(transport().setPassword(adminPrincipal, samba.adminPassword, `ghost${unique}`, 'Reset-Pass-3'), samba.adminPassword);
    expect(error.code).toBe('userNotFound');
  });

  it('refuses a set by a user without the reset right', async () => {
    const user = await newUser('Start-Pass-1');
    const victim = await newUser('Victim-Pass-1');
    await transport().changePassword(user, 'Start-Pass-1', 'Changed-Pass-2');
    const error = await failure(transport().setPassword(user, 'Changed-Pass-2', victim, 'Reset-Pass-3'));
    expect(error.code).toBe('insufficientRights');
  });

  it('reports an account locked by bad Kerberos passwords as locked, even with the right password', async () => {
    const { stdout } = await run('samba-tool', ['domain', 'passwordsettings', 'show', '-s', samba.smbConf]);
    const threshold = Number(/Account lockout threshold \(attempts\): (\d+)/.exec(stdout)?.[1]);
    expect(threshold, 'the domain must lock accounts after bad passwords for this test').toBeGreaterThan(0);
    const user = await newUser('Start-Pass-1');
    for (let attempt = 0; attempt < threshold; attempt++) {
      expect((await failure(transport().changePassword(user, `Wrong-Pass-${attempt}`, 'Changed-Pass-2'))).code).toBe('invalidCredentials');
    }
    const locked = await failure(transport().changePassword(user, 'Start-Pass-1', 'Changed-Pass-2'));
    expect(locked.code).toBe('accountLocked');
    // Samba refuses a locked client with CLIENT_REVOKED before pre-authentication, without an NTSTATUS.
    expect(locked.logMessage).toMatch(/KRB-ERROR 18/);
  });

  it('tells a disabled account from an expired one (AD NTSTATUS in the KDC error)', async () => {
    const disabled = await newUser('Start-Pass-1');
    await run('samba-tool', ['user', 'disable', disabled, '-s', samba.smbConf]);
    expect((await failure(transport().changePassword(disabled, 'Start-Pass-1', 'Changed-Pass-2'))).code).toBe('accountDisabled');
    const expired = await newUser('Start-Pass-1');
    await run('samba-tool', ['user', 'setexpiry', expired, '--days=0', '-s', samba.smbConf]);
    expect((await failure(transport().changePassword(expired, 'Start-Pass-1', 'Changed-Pass-2'))).code).toBe('accountExpired');
  });

  it('reports a skewed client clock as clock skew', async () => {
    const user = await newUser('Start-Pass-1');
    const hourAhead = () => new Date(Date.now() + 60 * 60 * 1000);
    const error = await failure(transport({}, hourAhead).changePassword(user, 'Start-Pass-1', 'Changed-Pass-2'));
    expect(error.code).toBe('clockSkew');
  });
});
