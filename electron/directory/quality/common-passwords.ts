/**
 * The shipped list of common passwords (common-passwords.txt, one lower-case entry a line: the 10,000 most
 * frequent of zxcvbn's list, see common-passwords.LICENSE.txt). Read once, on first use, into a Set.
 * A candidate is common when, ignoring case, it is on the list as typed, without its trailing digits
 * and symbols ("Password123!"), or without diacritics ("pàsswȏrd").
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DirectoryError } from '../errors';

export const defaultCommonPasswordsPath = fileURLToPath(new URL('./common-passwords.txt', import.meta.url));

const loaded = new Map<string, ReadonlySet<string>>();

export function loadCommonPasswords(path = defaultCommonPasswordsPath): ReadonlySet<string> {
  const cached = loaded.get(path);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    // A missing list is a packaging fault: say so rather than silently passing every password.
    throw new DirectoryError('configuration', `common password list not readable at ${path}`, {}, { cause: err });
  }
  const list = new Set(
    text
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line.length > 0),
  );
  loaded.set(path, list);
  return list;
}

const trailingDigitsAndSymbols = /[\p{N}\p{P}\p{S}\s]+$/u;
const combiningMarks = /\p{M}/gu;

/** The forms of a candidate looked up in the list. */
export function commonPasswordForms(candidate: string): Set<string> {
  const lower = candidate.normalize('NFC').toLowerCase();
  const withoutMarks = lower.normalize('NFD').replace(combiningMarks, '').normalize('NFC');
  const forms = new Set<string>();
  for (const form of [lower, withoutMarks]) {
    forms.add(form);
    forms.add(form.replace(trailingDigitsAndSymbols, ''));
  }
  forms.delete('');
  return forms;
}

export function isCommonPassword(candidate: string, list: ReadonlySet<string> = loadCommonPasswords()): boolean {
  for (const form of commonPasswordForms(candidate)) if (list.has(form)) return true;
  return false;
}
