import type { Client, Entry } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { fileTimeToDate } from '../../../electron/directory/active-directory/ad-time';
import { accountNeverExpires } from '../../../electron/directory/administration/active-directory';
import { PasswordModifyAdministration } from '../../../electron/directory/administration/password-modify';
import { pagedSearch, substringFilter } from '../../../electron/directory/administration/search';
import { directoryConfigSchema } from '../../../electron/directory/config';
import type { LdapConnector } from '../../../electron/directory/ldap/connection';

describe('administration helpers', () => {
  it('clears accountExpires with the value the state reader takes as "no end"', () => {
    expect(BigInt(accountNeverExpires)).toBe(2n ** 63n - 1n);
    expect(fileTimeToDate(accountNeverExpires)).toBeUndefined();
  });

  it('escapes what an operator types into a substring filter', () => {
    expect(substringFilter('(objectClass=person)', ['uid', 'mail', 'uid'], 'al*ce)(x')).toBe('(&(objectClass=person)(|(uid=*al\\2ace\\29\\28x*)(mail=*al\\2ace\\29\\28x*)))');
  });

  it('pages by offset over several base DNs, asking each server for no more than it needs', async () => {
    const entries = (prefix: string, n: number): Entry[] => Array.from({ length: n }, (_, i) => ({ dn: `uid=${prefix}${i},ou=${prefix}` }));
    const asked: Array<{ base: string; sizeLimit: number | undefined }> = [];
    const client = {
      search: async (base: string, options: { sizeLimit?: number }) => {
        asked.push({ base, sizeLimit: options.sizeLimit });
        if (base === 'ou=gone') throw Object.assign(new Error('no such object'), { code: 32 });
        const all = entries(base.slice(3), 3);
        return { searchEntries: all.slice(0, options.sizeLimit) };
      },
    } as unknown as Client;
    const page = await pagedSearch(client, { baseDns: ['ou=a', 'ou=gone', 'ou=b'], filter: '(uid=*)', attributes: ['uid'], offset: 2, pageSize: 2 });
    expect(page.entries.map((e) => e.dn)).toEqual(['uid=a2,ou=a', 'uid=b0,ou=b']);
    expect(page.more).toBe(true);
    expect(asked).toEqual([
      { base: 'ou=a', sizeLimit: 5 },
      { base: 'ou=gone', sizeLimit: 2 },
      { base: 'ou=b', sizeLimit: 2 },
    ]);
    const last = await pagedSearch(client, { baseDns: ['ou=a', 'ou=b'], filter: '(uid=*)', attributes: ['uid'], offset: 4, pageSize: 2 });
    expect(last.entries.map((e) => e.dn)).toEqual(['uid=b1,ou=b', 'uid=b2,ou=b']);
    expect(last.more).toBe(false);
  });

  it('lets any other search failure through (fail closed)', async () => {
    const client = { search: async () => Promise.reject(Object.assign(new Error('busy'), { code: 51 })) } as unknown as Client;
    await expect(pagedSearch(client, { baseDns: ['ou=a'], filter: '(uid=*)', attributes: [], offset: 0, pageSize: 1 })).rejects.toMatchObject({ code: 51 });
  });

  it('OpenLDAP offers "password never expires" only with a configured never-expires policy', async () => {
    const base = { kind: 'passwordModify', servers: ['ldaps://127.0.0.1:1'], serviceBindDn: 'cn=s', servicePassword: 'x', baseDns: ['dc=t'], loginAttributes: ['uid'] };
    const unused = {} as LdapConnector;
    const without = new PasswordModifyAdministration(directoryConfigSchema.parse(base), unused);
    expect(without.capabilities).toEqual({ passwordNeverExpires: false, validUntil: true });
    await expect(without.setPasswordNeverExpires({ dn: 'uid=a,dc=t', accountName: 'a', memberOf: [] }, true)).rejects.toMatchObject({ code: 'unwillingToPerform' });
    const withPolicy = new PasswordModifyAdministration(directoryConfigSchema.parse({ ...base, neverExpiresPolicyDn: 'cn=never,dc=t' }), unused);
    expect(withPolicy.capabilities.passwordNeverExpires).toBe(true);
  });
});
