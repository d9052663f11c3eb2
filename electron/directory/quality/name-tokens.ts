/**
 * The name part of AD's complexity rule (passfilt.dll, MS-SAMR 3.1.1.7.2): the password must not contain
 * the whole sAMAccountName when it is longer than two characters, nor any display-name token longer than
 * two characters, the display name being split on comma, period, hyphen, underscore, #, tab and space.
 * Both checks ignore case; substrings of a token are not checked.
 */
const minimumNameLength = 3;
const displayNameDelimiters = /[,.\-_#\t ]/u;

const codePointLength = (text: string): number => [...text].length;

// NFC on both sides so a name typed precomposed matches a password typed with combining marks.
function fold(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

export function displayNameTokens(displayName: string | undefined): string[] {
  if (!displayName) return [];
  return displayName.split(displayNameDelimiters).filter((token) => codePointLength(token) >= minimumNameLength);
}

export function containsAccountName(candidate: string, accountName: string): boolean {
  if (codePointLength(accountName) < minimumNameLength) return false;
  return fold(candidate).includes(fold(accountName));
}

export function containsDisplayNameToken(candidate: string, displayName: string | undefined): boolean {
  const folded = fold(candidate);
  return displayNameTokens(displayName).some((token) => folded.includes(fold(token)));
}
