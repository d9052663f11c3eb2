import { describe, expect, it } from 'vitest';
import { containsAccountName, containsDisplayNameToken, displayNameTokens } from '../../../electron/directory/quality/name-tokens';

describe('account name check', () => {
  it('finds the whole account name in any case', () => {
    expect(containsAccountName('xxJSmith!9', 'jsmith')).toBe(true);
    expect(containsAccountName('xxjsmitH!9', 'JSMITH')).toBe(true);
  });

  it('does not check parts of the account name', () => {
    expect(containsAccountName('smith-Rules-1', 'jsmith')).toBe(false);
  });

  it('skips account names shorter than three characters', () => {
    expect(containsAccountName('abAB12!!', 'ab')).toBe(false);
    expect(containsAccountName('xabcx', 'abc')).toBe(true);
  });

  it('counts non-ASCII names in characters and matches them precomposed or decomposed', () => {
    expect(containsAccountName('Zoë-2024!', 'zoë')).toBe(true);
    expect(containsAccountName('Zoe\u0308-2024!', 'zoë')).toBe(true);
    expect(containsAccountName('ZOË-2024!', 'zoë')).toBe(true);
  });
});

describe('display name tokens', () => {
  it('splits on comma, period, hyphen, underscore, #, tab and space and drops tokens under three characters', () => {
    expect(displayNameTokens('Erin M. Hagens')).toEqual(['Erin', 'Hagens']);
    expect(displayNameTokens('Hagens,Erin_Q#Ops-IT\tTeam')).toEqual(['Hagens', 'Erin', 'Ops', 'Team']);
    expect(displayNameTokens('Xi')).toEqual([]);
  });

  it('treats a display name without delimiters as one token', () => {
    expect(displayNameTokens('Madonna')).toEqual(['Madonna']);
    expect(containsDisplayNameToken('i<3madonna!', 'Madonna')).toBe(true);
  });

  it('finds any token in any case, but not substrings of a token', () => {
    expect(containsDisplayNameToken('Summer-erin-1', 'Erin M. Hagens')).toBe(true);
    expect(containsDisplayNameToken('HAGENS2024!', 'Erin M. Hagens')).toBe(true);
    expect(containsDisplayNameToken('Hagen-2024!', 'Erin M. Hagens')).toBe(false);
    expect(containsDisplayNameToken('xxM.xx1A', 'Erin M. Hagens')).toBe(false);
  });

  it('checks nothing for an empty or missing display name', () => {
    expect(containsDisplayNameToken('anything', '')).toBe(false);
    expect(containsDisplayNameToken('anything', undefined)).toBe(false);
    expect(containsDisplayNameToken('anything', ' - . ')).toBe(false);
  });
});
