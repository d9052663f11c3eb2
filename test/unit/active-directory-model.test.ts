import { BerWriter, type Entry } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { accountStateFromEntry } from '../../electron/directory/active-directory/account-state';
import { dateToFileTime } from '../../electron/directory/active-directory/ad-time';
import { policyFromDomain, policyFromPso } from '../../electron/directory/active-directory/effective-policy';
import { checkTypedName, userFilter } from '../../electron/directory/active-directory/find-user';
import { memberOfAnyFilter } from '../../electron/directory/active-directory/membership';
import { choosePolicyHintsOid, PolicyHintsControl } from '../../electron/directory/active-directory/policy-hints';
import { protectedGroupSids, ridOf, sidToString } from '../../electron/directory/active-directory/sid';
import { isDirectoryError } from '../../electron/directory/errors';
import type { EffectivePolicy } from '../../electron/directory/password-policy';

const domainEntry: Entry = {
  dn: 'DC=example,DC=test',
  minPwdLength: '7',
  pwdProperties: '1',
  pwdHistoryLength: '24',
  minPwdAge: '-864000000000',
  maxPwdAge: '-36288000000000',
  lockoutThreshold: '3',
  lockoutDuration: '-18000000000',
};

describe('AD effective policy', () => {
  it('reads the domain object', () => {
    expect(policyFromDomain(domainEntry)).toEqual({
      source: 'DC=example,DC=test',
      minLength: 7,
      complexity: true,
      historyLength: 24,
      minAgeSeconds: 86400,
      maxAgeSeconds: 3628800,
      lockoutThreshold: 3,
      lockoutDurationSeconds: 1800,
      mustChangeAfterReset: false,
      rejectCommonPasswords: false,
    });
  });

  it('has no expiry, lockout or complexity when the domain says none', () => {
    const policy = policyFromDomain({ ...domainEntry, pwdProperties: '0', maxPwdAge: '-9223372036854775808', lockoutThreshold: '0' });
    expect(policy.complexity).toBe(false);
    expect(policy.maxAgeSeconds).toBeUndefined();
    expect(policy.lockoutThreshold).toBeUndefined();
    expect(policy.lockoutDurationSeconds).toBeUndefined();
  });

  it('reads a PSO, and refuses to guess when its settings are unreadable', () => {
    const pso: Entry = {
      dn: 'CN=long,CN=Password Settings Container,CN=System,DC=example,DC=test',
      'msDS-MinimumPasswordLength': '12',
      'msDS-PasswordComplexityEnabled': 'FALSE',
      'msDS-PasswordHistoryLength': '5',
      'msDS-MinimumPasswordAge': '0',
      'msDS-MaximumPasswordAge': '-9223372036854775808',
      'msDS-LockoutThreshold': '10',
      'msDS-LockoutDuration': '-9223372036854775808',
    };
    expect(policyFromPso(pso)).toMatchObject({ source: pso.dn, minLength: 12, complexity: false, historyLength: 5, minAgeSeconds: 0, lockoutThreshold: 10 });
    // "Forever" lockout: no end time to compute.
    expect(policyFromPso(pso)?.lockoutDurationSeconds).toBeUndefined();
    expect(policyFromPso({ dn: pso.dn })).toBeUndefined();
  });
});

describe('AD account state', () => {
  const policy = policyFromDomain(domainEntry) as EffectivePolicy;
  const now = new Date('2026-11-23T10:00:00Z');
  const base: Entry = { dn: 'CN=u,CN=Users,DC=example,DC=test', userAccountControl: '512', 'msDS-User-Account-Control-Computed': '0', pwdLastSet: dateToFileTime(new Date('2026-11-01T00:00:00Z')), accountExpires: '9223372036854775807', badPwdCount: '1' };

  it('a normal account is usable and reports failures left', () => {
    const state = accountStateFromEntry({ ...base, 'msDS-UserPasswordExpiryTimeComputed': dateToFileTime(new Date('2026-12-13T00:00:00Z')) }, policy, now);
    expect(state).toMatchObject({ usable: true, disabled: false, locked: false, mustChange: false, passwordExpired: false, failureCount: 1, remainingFailures: 2, policyDn: 'DC=example,DC=test' });
    expect(state.passwordExpiresAt?.toISOString()).toBe('2026-12-13T00:00:00.000Z');
    expect(state.secondsUntilPasswordExpiry).toBe(20 * 86400 - 10 * 3600);
  });

  it('takes lockout from the computed flags and ends it after the lockout duration', () => {
    const lockoutTime = dateToFileTime(new Date('2026-11-23T09:50:00Z'));
    const state = accountStateFromEntry({ ...base, 'msDS-User-Account-Control-Computed': '16', lockoutTime }, policy, now);
    expect(state).toMatchObject({ usable: false, locked: true });
    expect(state.lockedUntil?.toISOString()).toBe('2026-11-23T10:20:00.000Z');
    // userAccountControl's own lockout bit is stale: the computed value alone decides.
    expect(accountStateFromEntry({ ...base, userAccountControl: String(512 | 16), lockoutTime }, policy, now).locked).toBe(false);
  });

  it('tells must-change (pwdLastSet 0) from an expired password', () => {
    const mustChange = accountStateFromEntry({ ...base, pwdLastSet: '0', 'msDS-User-Account-Control-Computed': String(0x800000) }, policy, now);
    expect(mustChange).toMatchObject({ mustChange: true, passwordExpired: false, usable: false });
    expect(mustChange.passwordChangedAt).toBeUndefined();
    const expired = accountStateFromEntry({ ...base, 'msDS-User-Account-Control-Computed': String(0x800000) }, policy, now);
    expect(expired).toMatchObject({ mustChange: false, passwordExpired: true, usable: false });
  });

  it('reports disabled, expired accounts, never-expiring passwords, the PSO and the latest logon', () => {
    const state = accountStateFromEntry(
      {
        ...base,
        userAccountControl: String(512 | 2 | 0x10000),
        accountExpires: dateToFileTime(new Date('2026-11-20T00:00:00Z')),
        'msDS-UserPasswordExpiryTimeComputed': '9223372036854775807',
        'msDS-ResultantPSO': 'CN=long,CN=Password Settings Container,CN=System,DC=example,DC=test',
        lastLogon: dateToFileTime(new Date('2026-11-22T08:00:00Z')),
        lastLogonTimestamp: dateToFileTime(new Date('2026-11-15T08:00:00Z')),
      },
      policy,
      now,
    );
    expect(state).toMatchObject({ disabled: true, accountExpired: true, passwordNeverExpires: true, usable: false });
    expect(state.validUntil?.toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(state.passwordExpiresAt).toBeUndefined();
    expect(state.policyDn).toBe('CN=long,CN=Password Settings Container,CN=System,DC=example,DC=test');
    expect(state.lastSuccessfulLogin?.toISOString()).toBe('2026-11-22T08:00:00.000Z');
  });
});

describe('AD identifiers and filters', () => {
  it('decodes a binary objectSid and its RID', () => {
    // Domain SID bytes as returned by the Samba DC of a test run.
    const sid = Buffer.from([1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 6, 249, 7, 201, 203, 139, 185, 214, 194, 237, 228, 14, 81, 4, 0, 0]);
    expect(sidToString(sid)).toBe('S-1-5-21-3372742918-3602484171-249884098-1105');
    expect(ridOf('S-1-5-21-3372742918-3602484171-249884098-1105')).toBe(1105);
    expect(sidToString(sid.subarray(0, 10))).toBeUndefined();
  });

  it('names the protected groups by SID', () => {
    const sids = protectedGroupSids('S-1-5-21-1-2-3');
    expect(sids).toContain('S-1-5-21-1-2-3-512'); // Domain Admins
    expect(sids).toContain('S-1-5-21-1-2-3-519'); // Enterprise Admins
    expect(sids).toContain('S-1-5-32-544'); // Administrators
    expect(sids).toContain('S-1-5-32-551'); // Backup Operators
    expect(sids).not.toContain('S-1-5-21-1-2-3-513'); // Domain Users
  });

  it('escapes typed names and group DNs in filters', () => {
    expect(userFilter(['sAMAccountName', 'mail'], 'a*)(x=*')).toBe('(&(objectCategory=person)(objectClass=user)(|(sAMAccountName=a\\2a\\29\\28x=\\2a)(mail=a\\2a\\29\\28x=\\2a)))');
    expect(memberOfAnyFilter(['CN=R\\, D (EU),CN=Users,DC=example,DC=test'])).toBe('(memberOf:1.2.840.113556.1.4.1941:=CN=R\\5c, D \\28EU\\29,CN=Users,DC=example,DC=test)');
  });

  it('refuses empty, overlong and control-character names before any search', () => {
    for (const typed of ['', '   ', 'x'.repeat(257), 'alice\0', 'bo\nb', 'tab\tbed']) {
      let caught: unknown;
      try {
        checkTypedName(typed);
      } catch (error) {
        caught = error;
      }
      expect(isDirectoryError(caught, 'invalidInput')).toBe(true);
    }
    expect(checkTypedName('  jürgen ')).toBe('jürgen');
  });
});

describe('LDAP_SERVER_POLICY_HINTS', () => {
  it('encodes a critical control whose value is SEQUENCE { INTEGER 1 }', () => {
    const writer = new BerWriter();
    new PolicyHintsControl().write(writer);
    const hex = writer.buffer.toString('hex');
    expect(hex).toContain(Buffer.from('1.2.840.113556.1.4.2239').toString('hex'));
    expect(hex.endsWith('0101ff' + '0405' + '3003020101')).toBe(true);
  });

  it('prefers the current OID, falls back to the 2008 R2 one, else none', () => {
    expect(choosePolicyHintsOid(['1.2.840.113556.1.4.2066', '1.2.840.113556.1.4.2239'])).toBe('1.2.840.113556.1.4.2239');
    expect(choosePolicyHintsOid(['1.2.840.113556.1.4.2066'])).toBe('1.2.840.113556.1.4.2066');
    expect(choosePolicyHintsOid(['1.2.840.113556.1.4.319'])).toBeUndefined();
  });
});
