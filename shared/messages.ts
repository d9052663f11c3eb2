/**
 * i18n message keys the main side may answer with (Result errors). The renderer's catalogues translate
 * every key listed here; a test checks that for en, de and fr.
 */
import type { CallErrorCode } from './errors';

export const errorMessageKeys = {
  invalidRequest: 'error.invalidRequest',
  unknownCall: 'error.unknownCall',
  forbiddenSender: 'error.forbiddenSender',
  rateLimited: 'error.rateLimited',
  sessionExpired: 'error.sessionExpired',
  notPermitted: 'error.notPermitted',
  unavailable: 'error.unavailable',
  internal: 'error.internal',
} as const satisfies Record<CallErrorCode, string>;

/** Transport-level refusals that map onto invalidRequest but deserve their own words. */
export const transportMessageKeys = {
  tooLarge: 'error.tooLarge',
  badOrigin: 'error.forbiddenSender',
  noSession: 'error.sessionExpired',
} as const;

export type ErrorMessageKey = (typeof errorMessageKeys)[CallErrorCode] | (typeof transportMessageKeys)[keyof typeof transportMessageKeys];
export const allErrorMessageKeys: readonly ErrorMessageKey[] = [
  ...new Set([...Object.values(errorMessageKeys), ...Object.values(transportMessageKeys)]),
];
