import { describe, expect, it } from 'vitest';
import { escapeDnValue, escapeFilterValue } from '../../../electron/directory/ldap/escape';

describe('escapeFilterValue (RFC 4515)', () => {
  it('escapes the filter specials and NUL', () => {
    expect(escapeFilterValue('*)(uid=*')).toBe('\\2a\\29\\28uid=\\2a');
    expect(escapeFilterValue('a\\b')).toBe('a\\5cb');
    expect(escapeFilterValue('x\0y')).toBe('x\\00y');
  });
  it('escapes control characters but keeps non-ASCII letters', () => {
    expect(escapeFilterValue('a\nb\x7f')).toBe('a\\0ab\\7f');
    expect(escapeFilterValue('jürgen.łukasz')).toBe('jürgen.łukasz');
  });
  it('leaves ordinary names untouched', () => {
    expect(escapeFilterValue('alice.smith@example.test')).toBe('alice.smith@example.test');
  });
});

describe('escapeDnValue (RFC 4514)', () => {
  it('escapes the DN specials', () => {
    expect(escapeDnValue('Smith, John+x"<y>;z=\\')).toBe('Smith\\, John\\+x\\"\\<y\\>\\;z\\=\\\\');
  });
  it('escapes leading space or hash and a trailing space', () => {
    expect(escapeDnValue(' #a ')).toBe('\\ #a\\ ');
    expect(escapeDnValue('#a')).toBe('\\#a');
    expect(escapeDnValue('a#b')).toBe('a#b');
  });
  it('escapes NUL', () => {
    expect(escapeDnValue('a\0b')).toBe('a\\00b');
  });
});
