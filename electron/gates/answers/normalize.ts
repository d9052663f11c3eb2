/**
 * One normal form for answers, applied identically at enrollment and at reset, so "Émile  Zola" typed
 * with a combining accent, other case or extra spaces matches what was registered.
 */
export function normalizeAnswer(answer: string): string {
  // NFKC first (composes accents, folds compatibility forms such as full-width letters), then case-fold;
  // NFKC once more because lower-casing can produce decomposable sequences (e.g. U+0130).
  const folded = answer.normalize('NFKC').toLocaleLowerCase('und').normalize('NFKC');
  return folded.replace(/\s+/gu, ' ').trim();
}

/** Words of a text in normal form, for the "answer may not contain its question's words" rule. */
export function normalizedWords(text: string): string[] {
  return normalizeAnswer(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}
