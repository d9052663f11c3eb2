import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDirectoryError } from '../../../electron/directory/errors';
import { commonPasswordForms, isCommonPassword, loadCommonPasswords } from '../../../electron/directory/quality/common-passwords';

describe('the shipped common-password list', () => {
  const list = loadCommonPasswords();

  it('holds about ten thousand lower-case entries, loaded once', () => {
    expect(list.size).toBeGreaterThan(9_900);
    expect(list.size).toBeLessThanOrEqual(10_000);
    expect([...list].every((entry) => entry === entry.toLowerCase() && entry.trim() === entry)).toBe(true);
    expect(loadCommonPasswords()).toBe(list);
  });

  it('knows the classics', () => {
    for (const common of ['123456', 'password', 'qwerty', 'letmein', 'iloveyou', 'dragon']) expect(list.has(common)).toBe(true);
  });
});

describe('isCommonPassword', () => {
  const list = new Set(['password', 'dragon', '123456', 'summer']);

  it('matches ignoring case', () => {
    expect(isCommonPassword('PassWord', list)).toBe(true);
    expect(isCommonPassword('DRAGON', list)).toBe(true);
  });

  it('matches with trailing digits and symbols stripped', () => {
    expect(isCommonPassword('Password123!', list)).toBe(true);
    expect(isCommonPassword('Summer2024?!', list)).toBe(true);
    expect(isCommonPassword('dragon 1', list)).toBe(true);
  });

  it('matches with diacritics removed', () => {
    expect(isCommonPassword('pàsswȏrd', list)).toBe(true);
    expect(isCommonPassword('PÀSSWȎRD99', list)).toBe(true);
  });

  it('does not strip leading characters or match words inside a longer password', () => {
    expect(isCommonPassword('1password', list)).toBe(false);
    expect(isCommonPassword('my-dragon-flies', list)).toBe(false);
    expect(isCommonPassword('Tr0ub4dor&3', list)).toBe(false);
  });

  it('never matches the empty form of an all-symbol candidate', () => {
    expect(commonPasswordForms('!!!')).toEqual(new Set(['!!!']));
    expect(isCommonPassword('', new Set(['']))).toBe(false);
  });

  it('uses the shipped list by default', () => {
    expect(isCommonPassword('Qwerty123!')).toBe(true);
    expect(isCommonPassword('Violet-Harbour-Lamp-42')).toBe(false);
  });
});

describe('loadCommonPasswords from another file', () => {
  it('reads the given file into a Set, skipping blank lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesame-quality-'));
    try {
      const path = join(dir, 'list.txt');
      writeFileSync(path, 'Alpha\n\n beta \n');
      expect(loadCommonPasswords(path)).toEqual(new Set(['alpha', 'beta']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails as a configuration error, naming the path, when the list is missing', () => {
    const missing = join(tmpdir(), 'sesame-no-such-list.txt');
    let error: unknown;
    try {
      loadCommonPasswords(missing);
    } catch (err) {
      error = err;
    }
    expect(isDirectoryError(error, 'configuration')).toBe(true);
    expect((error as Error).message).toContain(missing);
  });
});
