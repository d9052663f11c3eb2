/**
 * What the slapd harness promises the adapters and the enrollment store: a service account with only the
 * rights self-service needs, Sesame's schema for enrollment records, and loopback-only listeners.
 */
import { Attribute, Change, Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodePasswordModifyRequest } from '../../electron/directory/password-modify/password-modify-exop';
import { createUser, readEntry } from '../support/slapd-users';

const slapd = inject('slapd');
const replace = (type: string, values: string[]) => new Change({ operation: 'replace', modification: new Attribute({ type, values }) });
const add = (type: string, values: string[]) => new Change({ operation: 'add', modification: new Attribute({ type, values }) });
const remove = (type: string, values: string[]) => new Change({ operation: 'delete', modification: new Attribute({ type, values }) });

async function resultCode(promise: Promise<unknown>): Promise<number> {
  return promise.then(
    () => 0,
    (err: unknown) => (err as { code?: number }).code ?? -1,
  );
}

describe('service account rights', () => {
  let service: Client;
  beforeAll(async () => {
    service = new Client({ url: slapd.ldapsUrl, tlsOptions: { ca: slapd.caPem } });
    await service.bind(slapd.serviceDn, slapd.servicePassword);
  });
  afterAll(() => service.unbind());

  it('may not change ordinary attributes, other object classes or the policy', async () => {
    const user = await createUser(slapd);
    expect(await resultCode(service.modify(user.dn, replace('mail', ['other@example.test'])))).toBe(50);
    expect(await resultCode(service.modify(user.dn, add('objectClass', ['pwdPolicy'])))).toBe(50);
    expect(await resultCode(service.modify(slapd.defaultPolicyDn, replace('pwdMinLength', ['1'])))).toBe(50);
    expect(await resultCode(service.modify(user.dn, replace('pwdPolicySubentry', [slapd.defaultPolicyDn])))).not.toBe(0);
  });

  it('cannot read password hashes or history', async () => {
    const user = await createUser(slapd);
    await service.exop('1.3.6.1.4.1.4203.1.11.1', encodePasswordModifyRequest({ userIdentity: user.dn, newPassword: 'Next-Pass-1' }));
    expect((await readEntry(slapd, user.dn, ['pwdHistory'])).pwdHistory).toHaveLength(1);
    const entry = (await service.search(user.dn, { scope: 'base', attributes: ['userPassword', 'pwdHistory', 'uid'] })).searchEntries[0];
    expect(entry?.uid).toBe(user.uid);
    expect(entry?.userPassword ?? []).toEqual([]);
    expect(entry?.pwdHistory ?? []).toEqual([]);
  });

  it('stores an enrollment record and swaps it only from the value it expects', async () => {
    const user = await createUser(slapd);
    await service.modify(user.dn, [add('objectClass', ['sesameEnrollable']), add('sesameEnrollment', ['v1:first'])]);
    expect(await resultCode(service.modify(user.dn, [remove('sesameEnrollment', ['v1:FIRST']), add('sesameEnrollment', ['v1:lost'])]))).toBe(16);
    await service.modify(user.dn, [remove('sesameEnrollment', ['v1:first']), add('sesameEnrollment', ['v1:second'])]);
    expect(await resultCode(service.modify(user.dn, add('sesameEnrollment', ['v1:third'])))).toBe(19); // single-valued
    expect((await readEntry(slapd, user.dn, ['sesameEnrollment'])).sesameEnrollment).toEqual(['v1:second']);
  });

  it('keeps enrollment records from the user and from anonymous readers', async () => {
    const user = await createUser(slapd);
    await service.modify(user.dn, [add('objectClass', ['sesameEnrollable']), add('sesameEnrollment', ['v1:secret'])]);
    const self = new Client({ url: slapd.ldapsUrl, tlsOptions: { ca: slapd.caPem } });
    const anonymous = new Client({ url: slapd.ldapsUrl, tlsOptions: { ca: slapd.caPem } });
    try {
      await self.bind(user.dn, user.password);
      const own = (await self.search(user.dn, { scope: 'base', attributes: ['sesameEnrollment', 'mail'] })).searchEntries[0];
      expect(own?.mail).toBe(user.mail);
      expect(own?.sesameEnrollment ?? []).toEqual([]);
      expect(await resultCode(self.modify(user.dn, replace('sesameEnrollment', ['v1:forged'])))).toBe(50);
      const seen = await anonymous.search(slapd.peopleDn, { scope: 'sub', filter: `(uid=${user.uid})` }).then((r) => r.searchEntries.length, () => 0);
      expect(seen).toBe(0);
    } finally {
      await Promise.all([self.unbind(), anonymous.unbind()]);
    }
  });
});

describe('listeners', () => {
  it('serve only loopback addresses on high ports', () => {
    for (const url of [slapd.ldapUrl, slapd.ldapsUrl]) {
      const { hostname, port } = new URL(url);
      expect(hostname).toBe('127.0.0.1');
      expect(Number(port)).toBeGreaterThan(1024);
    }
  });
});
