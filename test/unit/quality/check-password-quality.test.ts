import { describe, expect, it } from 'vitest';
import type { EffectivePolicy } from '../../../electron/directory/password-policy';
import { checkPasswordQuality, toPolicyRuleViews } from '../../../electron/directory/quality';
import type { DirectoryUser } from '../../../electron/directory/user';

const adPolicy: EffectivePolicy = {
  source: 'CN=Default Domain Policy',
  minLength: 8,
  maxLength: 256,
  complexity: true,
  historyLength: 24,
  minAgeSeconds: 0,
  mustChangeAfterReset: false,
  rejectCommonPasswords: true,
};

const ppolicy: EffectivePolicy = {
  source: 'cn=default,ou=policies,dc=example,dc=test',
  minLength: 8,
  complexity: false,
  historyLength: 0,
  minAgeSeconds: 0,
  mustChangeAfterReset: true,
  rejectCommonPasswords: false,
};

const erin: DirectoryUser = { dn: 'CN=Erin M. Hagens,CN=Users,DC=example,DC=test', accountName: 'ehagens', displayName: 'Erin M. Hagens', memberOf: [] };

const resultOf = (report: ReturnType<typeof checkPasswordQuality>, rule: string) => report.rules.find((r) => r.rule === rule);

describe('checkPasswordQuality', () => {
  it('lists every rule of an AD policy in checklist order', () => {
    const report = checkPasswordQuality('Violet-Harbour-42', adPolicy, erin);
    expect(report.rules.map((r) => r.rule)).toEqual(['minLength', 'maxLength', 'complexity', 'containsAccountName', 'containsDisplayName', 'commonPassword', 'history']);
    expect(report.failedRules).toEqual([]);
    expect(report.passesLocally).toBe(true);
  });

  it('leaves history to the server', () => {
    const history = resultOf(checkPasswordQuality('Violet-Harbour-42', adPolicy, erin), 'history');
    expect(history).toEqual({ rule: 'history', params: { count: 24 } });
    expect(history).not.toHaveProperty('passes');
  });

  it('lists only what a ppolicy policy without quality module enforces', () => {
    const report = checkPasswordQuality('short', ppolicy, erin);
    expect(report.rules).toEqual([{ rule: 'minLength', params: { min: 8 }, passes: false }]);
    expect(report.failedRules).toEqual(['minLength']);
    expect(report.passesLocally).toBe(false);
  });

  it('counts length in code points, so pàsswȏrd has eight characters and an emoji one', () => {
    const policy = { ...ppolicy, minLength: 8, maxLength: 8 };
    const precomposed = checkPasswordQuality('pàsswȏrd', policy, erin);
    expect(precomposed.failedRules).toEqual([]);
    expect(checkPasswordQuality('pàsswȏr', policy, erin).failedRules).toEqual(['minLength']);
    // Seven letters and one astral-plane emoji: 9 UTF-16 units, 8 code points.
    expect(checkPasswordQuality('abcdefg😀', policy, erin).failedRules).toEqual([]);
    expect(checkPasswordQuality('abcdefg😀😀', policy, erin).failedRules).toEqual(['maxLength']);
  });

  it('requires three of the five AD classes', () => {
    const complexity = (candidate: string) => resultOf(checkPasswordQuality(candidate, adPolicy, erin), 'complexity');
    expect(complexity('alllowercase')).toEqual({ rule: 'complexity', params: { classes: 3, found: 1 }, passes: false });
    expect(complexity('lower1234')?.passes).toBe(false);
    expect(complexity('Lower1234')?.passes).toBe(true);
    expect(complexity('lower12!!')?.passes).toBe(true);
    expect(complexity('Pàsswȏrd9')?.passes).toBe(true);
    // Space and currency signs are not special characters; letters without case are a class of their own.
    expect(complexity('Lower €€€ ')?.passes).toBe(false);
    expect(complexity('漢字漢字abc1')?.passes).toBe(true);
    expect(complexity('ΣΙΓΜΑσιγμα')?.passes).toBe(false);
    expect(complexity('ΣΙΓΜΑσιγμα7')?.passes).toBe(true);
  });

  it('refuses the account name and display-name tokens under complexity', () => {
    const report = checkPasswordQuality('EHagens-2024!', adPolicy, erin);
    expect(report.failedRules).toEqual(['containsAccountName', 'containsDisplayName']);
    expect(checkPasswordQuality('Erin!Rocks99', adPolicy, erin).failedRules).toEqual(['containsDisplayName']);
    expect(checkPasswordQuality('M.Violet-42x', adPolicy, erin).failedRules).toEqual([]);
  });

  it('passes the name rules when the account name is under three characters or the display name is empty', () => {
    const shortName: DirectoryUser = { dn: 'uid=ab,ou=people,dc=example,dc=test', accountName: 'ab', displayName: '', memberOf: [] };
    const report = checkPasswordQuality('ab-AB-1234', adPolicy, shortName);
    expect(resultOf(report, 'containsAccountName')?.passes).toBe(true);
    expect(resultOf(report, 'containsDisplayName')?.passes).toBe(true);
    const noDisplayName: DirectoryUser = { dn: 'uid=cdx,ou=people,dc=example,dc=test', accountName: 'cdx', memberOf: [] };
    const other = checkPasswordQuality('CDX-violet-1', adPolicy, noDisplayName);
    expect(other.failedRules).toEqual(['containsAccountName']);
  });

  it('refuses common passwords, also with trailing digits and symbols or diacritics', () => {
    for (const common of ['Password123!', 'Qwerty2024?', 'Pàsswȏrd1!', 'Dragon#2025']) {
      expect(checkPasswordQuality(common, adPolicy, erin).failedRules).toEqual(['commonPassword']);
    }
    expect(resultOf(checkPasswordQuality('Violet-Harbour-42', adPolicy, erin), 'commonPassword')?.passes).toBe(true);
  });

  it('uses an injected list instead of the shipped one', () => {
    const report = checkPasswordQuality('Violet-Harbour-42', adPolicy, erin, { commonPasswords: new Set(['violet-harbour']) });
    expect(report.failedRules).toEqual(['commonPassword']);
  });

  it('fails length and complexity, and only those, for an empty candidate', () => {
    expect(checkPasswordQuality('', adPolicy, erin).failedRules).toEqual(['minLength', 'complexity']);
  });

  it('omits minLength when the policy has none', () => {
    const report = checkPasswordQuality('', { ...ppolicy, minLength: 0 }, erin);
    expect(report.rules).toEqual([]);
    expect(report.passesLocally).toBe(true);
  });
});

describe('toPolicyRuleViews', () => {
  it('maps the report onto the renderer checklist, history without a verdict', () => {
    const views = toPolicyRuleViews(checkPasswordQuality('ehagens', adPolicy, erin));
    expect(views).toEqual([
      { rule: 'minLength', params: { min: 8 }, passes: false },
      { rule: 'maxLength', params: { max: 256 }, passes: true },
      { rule: 'complexity', params: { classes: 3, found: 1 }, passes: false },
      { rule: 'containsAccountName', params: {}, passes: false },
      { rule: 'containsDisplayName', params: {}, passes: false },
      { rule: 'commonPassword', params: {}, passes: true },
      { rule: 'history', params: { count: 24 } },
    ]);
  });
});
