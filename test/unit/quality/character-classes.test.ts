import { describe, expect, it } from 'vitest';
import { characterClassesOf, classOf } from '../../../electron/directory/quality/character-classes';

describe('AD complexity character classes', () => {
  it('puts cased letters of any European script in upper or lower case', () => {
    for (const upper of ['A', 'Z', 'À', 'Ȏ', 'Σ', 'Ж']) expect(classOf(upper)).toBe('uppercase');
    for (const lower of ['a', 'z', 'à', 'ȏ', 'ß', 'σ', 'ж']) expect(classOf(lower)).toBe('lowercase');
  });

  it('counts only 0-9 as digits and only the listed ASCII symbols as special', () => {
    for (const digit of '0123456789') expect(classOf(digit)).toBe('digit');
    for (const special of '~!@#$%^&*_-+=`|\\(){}[]:;"\'<>,.?/') expect(classOf(special)).toBe('special');
    // Space, currency signs, other digits and emoji belong to no class.
    for (const none of [' ', '€', '£', '٣', '😀', '\t']) expect(classOf(none)).toBeUndefined();
  });

  it('makes letters without case (CJK, Arabic, Hebrew, titlecase) the fifth class', () => {
    for (const other of ['漢', 'ا', 'א', 'ǅ', 'ー']) expect(classOf(other)).toBe('otherAlphabetic');
  });

  it('collects the distinct classes of a candidate', () => {
    expect(characterClassesOf('pàsswȏrd')).toEqual(new Set(['lowercase']));
    expect(characterClassesOf('Pàss1')).toEqual(new Set(['uppercase', 'lowercase', 'digit']));
    expect(characterClassesOf('漢字abc!')).toEqual(new Set(['otherAlphabetic', 'lowercase', 'special']));
    expect(characterClassesOf('')).toEqual(new Set());
    expect(characterClassesOf('€€ 99')).toEqual(new Set(['digit']));
  });
});
