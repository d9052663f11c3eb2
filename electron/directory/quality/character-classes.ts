/**
 * Active Directory's complexity rule ("Passwords must meet complexity requirements", passfilt.dll and
 * MS-SAMR 3.1.1.7.2): characters from at least three of five classes. Only ASCII 0-9 are digits and only
 * the listed ASCII symbols are special (space and currency signs count for nothing); letters with case
 * count as upper or lower in any script; letters without case (CJK, Arabic, Hebrew...) form the fifth class.
 * Samba's DC is looser: it puts every non-ASCII character without case (also '€' or an emoji) in the fifth
 * class, so there this check can refuse what the server would accept, never the other way round.
 */
export const complexityClassesRequired = 3;

export type CharacterClass = 'uppercase' | 'lowercase' | 'digit' | 'special' | 'otherAlphabetic';

const specialCharacters = new Set('~!@#$%^&*_-+=`|\\(){}[]:;"\'<>,.?/');
const uppercase = /^\p{Lu}$/u;
const lowercase = /^\p{Ll}$/u;
const alphabetic = /^\p{Alphabetic}$/u;

export function classOf(codePoint: string): CharacterClass | undefined {
  if (uppercase.test(codePoint)) return 'uppercase';
  if (lowercase.test(codePoint)) return 'lowercase';
  if (codePoint >= '0' && codePoint <= '9') return 'digit';
  if (specialCharacters.has(codePoint)) return 'special';
  if (alphabetic.test(codePoint)) return 'otherAlphabetic';
  return undefined;
}

/** The distinct classes present in the candidate. */
export function characterClassesOf(candidate: string): Set<CharacterClass> {
  const found = new Set<CharacterClass>();
  for (const codePoint of candidate) {
    const characterClass = classOf(codePoint);
    if (characterClass) found.add(characterClass);
  }
  return found;
}
