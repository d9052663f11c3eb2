import { describe, expect, it, vi } from 'vitest';
import type { DirectoryAdapter } from '../../../electron/directory/adapter';
import { DirectoryError } from '../../../electron/directory/errors';
import { withKerberosPasswords, type KerberosPasswordClient } from '../../../electron/directory/kerberos-passwords';
import type { DirectoryUser } from '../../../electron/directory/user';

const user: DirectoryUser = { dn: 'cn=alice,dc=example,dc=test', accountName: 'alice', memberOf: [] };

function fakeLdap(): DirectoryAdapter {
  const refuse = () => Promise.reject(new Error('must not be called: password writes go through Kerberos'));
  return {
    kind: 'activeDirectory',
    resolveUser: vi.fn(async () => user),
    getAccountState: vi.fn(),
    getEffectivePolicy: vi.fn(),
    resetPassword: vi.fn(refuse),
    changePassword: vi.fn(refuse),
    verifyPassword: vi.fn(async () => undefined),
    unlock: vi.fn(async () => undefined),
    setMustChange: vi.fn(async () => undefined),
    close: vi.fn(async () => undefined),
  } as unknown as DirectoryAdapter;
}

const settings = { realm: 'EXAMPLE.TEST', servicePrincipal: 'sesame-svc@EXAMPLE.TEST', servicePassword: 'svc-secret' };

describe('withKerberosPasswords', () => {
  it('sets a reset password through kpasswd with the service principal, then unlocks and forces change over LDAP', async () => {
    const ldap = fakeLdap();
    const kerberos: KerberosPasswordClient = { changePassword: vi.fn(), setPassword: vi.fn(async () => undefined) };
    const adapter = withKerberosPasswords(ldap, kerberos, settings);
    await adapter.resetPassword(user, 'N3w-pass!', { unlock: true, mustChange: true });
    expect(kerberos.setPassword).toHaveBeenCalledWith('sesame-svc@EXAMPLE.TEST', 'svc-secret', 'alice@EXAMPLE.TEST', 'N3w-pass!');
    expect(ldap.unlock).toHaveBeenCalledWith(user);
    expect(ldap.setMustChange).toHaveBeenCalledWith(user, true);
    expect(ldap.resetPassword).not.toHaveBeenCalled();
  });

  it('changes a password as the user through kpasswd', async () => {
    const ldap = fakeLdap();
    const kerberos: KerberosPasswordClient = { changePassword: vi.fn(async () => undefined), setPassword: vi.fn() };
    await withKerberosPasswords(ldap, kerberos, settings).changePassword(user, 'old', 'new');
    expect(kerberos.changePassword).toHaveBeenCalledWith('alice@EXAMPLE.TEST', 'old', 'new');
  });

  it('does not touch the account flags when kpasswd refuses the password', async () => {
    const ldap = fakeLdap();
    const refusal = new DirectoryError('passwordPolicy', 'kpasswd: soft error', { failedRules: ['minLength'] });
    const kerberos: KerberosPasswordClient = { changePassword: vi.fn(), setPassword: vi.fn(async () => Promise.reject(refusal)) };
    await expect(withKerberosPasswords(ldap, kerberos, settings).resetPassword(user, 'x', { unlock: true })).rejects.toBe(refusal);
    expect(ldap.unlock).not.toHaveBeenCalled();
  });

  it('leaves lookups and unlock on LDAP', async () => {
    const ldap = fakeLdap();
    const adapter = withKerberosPasswords(ldap, { changePassword: vi.fn(), setPassword: vi.fn() }, settings);
    await adapter.resolveUser('alice');
    await adapter.unlock(user);
    expect(ldap.resolveUser).toHaveBeenCalledWith('alice');
    expect(ldap.unlock).toHaveBeenCalledWith(user);
  });
});
