import { describe, expect, it } from 'vitest';
import type { EffectivePolicy } from '../../../electron/directory/password-policy';
import { generatePassword, minimumGeneratedLength } from '../../../electron/helpdesk/generate-password';

const policy = (overrides: Partial<EffectivePolicy> = {}): EffectivePolicy => ({
  source: 'test',
  minLength: 7,
  complexity: true,
  historyLength: 24,
  minAgeSeconds: 0,
  mustChangeAfterReset: true,
  rejectCommonPasswords: true,
  ...overrides,
});

describe('generatePassword', () => {
  it('is at least the generated minimum, or the policy minimum when longer', () => {
    expect(generatePassword(policy())).toHaveLength(minimumGeneratedLength);
    expect(generatePassword(policy({ minLength: 20 }))).toHaveLength(20);
  });
  it('respects a maximum length', () => {
    expect(generatePassword(policy({ maxLength: 10 }))).toHaveLength(10);
  });
  it('always has all four character classes and no look-alikes', () => {
    for (let i = 0; i < 200; i++) {
      const pw = generatePassword(policy());
      expect(pw).toMatch(/[A-Z]/);
      expect(pw).toMatch(/[a-z]/);
      expect(pw).toMatch(/[0-9]/);
      expect(pw).toMatch(/[^A-Za-z0-9]/);
      expect(pw).not.toMatch(/[0O1lI]/);
    }
  });
  it('differs between calls', () => {
    const seen = new Set(Array.from({ length: 50 }, () => generatePassword(policy())));
    expect(seen.size).toBe(50);
  });
});
