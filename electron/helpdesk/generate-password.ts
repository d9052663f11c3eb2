/**
 * Generates a temporary password that meets a user's effective policy, for help-desk resets. It is
 * read aloud or shown once, so it avoids look-alike characters (0/O, 1/l/I) and has every character
 * class AD complexity counts.
 */
import { randomInt } from 'node:crypto';
import type { EffectivePolicy } from '../directory/password-policy';

const classes = {
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  lower: 'abcdefghijkmnopqrstuvwxyz',
  digit: '23456789',
  symbol: '!#%+=?@-',
} as const;
const all = Object.values(classes).join('');

/** At least 14 characters: long enough to resist guessing while it waits to be changed. */
export const minimumGeneratedLength = 14;

export function generatePassword(policy: EffectivePolicy, pick: (max: number) => number = randomInt): string {
  const length = Math.min(Math.max(policy.minLength, minimumGeneratedLength), policy.maxLength ?? Number.MAX_SAFE_INTEGER);
  const chars = Object.values(classes).map((set) => set[pick(set.length)] as string);
  while (chars.length < length) chars.push(all[pick(all.length)] as string);
  // Fisher–Yates so the guaranteed classes are not always at the front.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
