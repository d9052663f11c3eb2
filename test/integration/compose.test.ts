/**
 * The composition root on real servers: the adapter a configuration names, Kerberos as the password
 * transport on Samba AD, and the whole main side (engine, LDAP enrollment store, audit file) on slapd.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { composeSesame } from '../../electron/app/compose';
import { sesameConfigurationSchema } from '../../electron/config/schema';
import { directoryConfigSchema } from '../../electron/directory/config';
import { createDirectory } from '../../electron/directory/create-directory';
import { kerberosConfigSchema } from '../../electron/kerberos/config';
import * as samba from '../support/samba-users';
import * as slapd from '../support/slapd-users';
import { flowsConfig } from './flows-suite';

const sambaInfo = inject('samba');
const slapdInfo = inject('slapd');

const sambaDirectory = directoryConfigSchema.parse({
  kind: 'activeDirectory',
  servers: [sambaInfo.ldapsUrl],
  caPem: sambaInfo.caPem,
  tlsServerName: sambaInfo.tlsServerName,
  serviceBindDn: sambaInfo.serviceDn,
  servicePassword: sambaInfo.servicePassword,
  baseDns: [sambaInfo.usersDn],
  loginAttributes: ['sAMAccountName'],
  policyHints: false,
});

describe('createDirectory with the Kerberos password transport on Samba AD', () => {
  const directory = createDirectory({
    directory: sambaDirectory,
    passwordTransport: 'kerberos',
    kerberos: kerberosConfigSchema.parse({
      realm: sambaInfo.realm,
      kdcs: [sambaInfo.kdc],
      kpasswdServers: [sambaInfo.kpasswd],
      servicePrincipal: 'sesame-svc',
    }),
  });
  afterAll(() => directory.close());

  it('resets through kpasswd with the delegated account, then unlocks over LDAP', async () => {
    const user = await samba.createUser(sambaInfo, { prefix: 'krb' });
    const resolved = await directory.resolveUser(user.sAMAccountName);
    await directory.resetPassword(resolved, 'Kerb-Reset-9x', { mustChange: false, unlock: true });
    expect(await samba.canBind(sambaInfo, user.dn, 'Kerb-Reset-9x')).toBe(true);
    expect((await directory.getAccountState(resolved)).locked).toBe(false);
  });

  it('reports a policy refusal from kpasswd as a typed policy error', async () => {
    const user = await samba.createUser(sambaInfo, { prefix: 'krbp' });
    const resolved = await directory.resolveUser(user.sAMAccountName);
    await expect(directory.resetPassword(resolved, 'short')).rejects.toMatchObject({ code: 'passwordPolicy' });
  });

  it('changes the user’s own password through kpasswd', async () => {
    const user = await samba.createUser(sambaInfo, { prefix: 'krbc' });
    const resolved = await directory.resolveUser(user.sAMAccountName);
    await directory.changePassword(resolved, user.password, 'Kerb-Change-7y');
    expect(await samba.canBind(sambaInfo, user.dn, 'Kerb-Change-7y')).toBe(true);
  });

  it('refuses a Kerberos transport configured without the reset principal', () => {
    expect(() =>
      createDirectory({ directory: sambaDirectory, passwordTransport: 'kerberos', kerberos: kerberosConfigSchema.parse({ realm: sambaInfo.realm }) }),
    ).toThrow(expect.objectContaining({ code: 'configuration' }));
  });
});

describe('composeSesame on slapd', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  async function compose(extra: Record<string, unknown> = {}) {
    const dir = await mkdtemp(join(tmpdir(), 'sesame-compose-'));
    const config = sesameConfigurationSchema.parse({
      directory: {
        kind: 'passwordModify',
        servers: [slapdInfo.ldapsUrl],
        caPem: slapdInfo.caPem,
        serviceBindDn: slapdInfo.serviceDn,
        servicePassword: slapdInfo.servicePassword,
        baseDns: [slapdInfo.peopleDn],
        loginAttributes: ['uid'],
        defaultPolicyDn: slapdInfo.defaultPolicyDn,
      },
      adapter: { passwordTransport: 'ldap' },
      flows: flowsConfig(),
      kiosk: { enabled: true, id: 'kiosk-compose', idleTimeoutSeconds: 90, enabledFlows: ['forgotPassword'], helpDeskOffered: false },
      audit: { path: join(dir, 'audit.jsonl') },
      languages: { default: 'en', available: ['en'] },
      ...extra,
    });
    const sesame = composeSesame(config);
    cleanups.push(async () => {
      await sesame.close();
      await rm(dir, { recursive: true, force: true });
    });
    return { sesame, auditPath: config.audit.path };
  }

  it('serves an enrollment through the engine, the LDAP store and the audit file', async () => {
    const { sesame, auditPath } = await compose();
    const user = await slapd.createUser(slapdInfo);
    const context = { kioskId: 'kiosk-compose', clientId: 'client-1' };
    const started = await sesame.engine.start({ flow: 'enroll', username: user.uid }, context);
    expect(started.step).toBe('currentPassword');
    if (started.step !== 'currentPassword') return;
    const offered = await sesame.engine.submitCurrentPassword({ sessionId: started.sessionId, password: user.password }, context);
    expect(offered.step).toBe('enrollQuestions');

    const audit = (await readFile(auditPath, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(audit.some((record) => record.kioskId === 'kiosk-compose' && record.flow === 'enroll')).toBe(true);
    expect(await readFile(auditPath, 'utf8')).not.toContain(user.password);
  });

  it('answers an unknown user with the same first view as a real one', async () => {
    const { sesame } = await compose();
    const user = await slapd.createUser(slapdInfo);
    const context = { kioskId: 'kiosk-compose', clientId: 'client-2' };
    const real = await sesame.engine.start({ flow: 'forgotPassword', username: user.uid }, context);
    const unknown = await sesame.engine.start({ flow: 'forgotPassword', username: `nobody-${user.uid}` }, context);
    expect(unknown.step).toBe(real.step);
  });

  it('deploys the help desk only with a helpdesk section: an operator signs in with the rights their group maps to', async () => {
    expect((await compose()).sesame.helpdesk).toBeUndefined();
    const { sesame, auditPath } = await compose({ helpdesk: { rights: [{ groupDn: slapdInfo.helpdeskReadersGroupDn, rights: ['readState'] }] } });
    const operator = await slapd.createUser(slapdInfo, { prefix: 'composeop', groups: [slapdInfo.helpdeskReadersGroupDn] });
    const handlers = sesame.helpdesk!.handlers;
    const context = { kioskId: 'kiosk-compose', clientId: 'operator-1' };
    const signedIn = await handlers['helpdesk.signIn']({ username: operator.uid, password: operator.password }, context);
    expect(signedIn).toMatchObject({ view: 'signedIn', operator: { accountName: operator.uid, rights: ['readState'] } });
    if (signedIn.view !== 'signedIn') return;
    const { operatorSessionId } = signedIn.operator;
    expect(await handlers['helpdesk.unlock']({ operatorSessionId, userDn: operator.dn }, context)).toEqual({ view: 'refused', reason: 'notPermitted' });
    // The help desk writes to the same audit file as the kiosk's gates.
    const audit = await readFile(auditPath, 'utf8');
    expect(audit).toContain('"kind":"helpdesk"');
    expect(audit).not.toContain(operator.password);
  });
});
