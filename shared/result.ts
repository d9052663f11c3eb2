/** Responses cross the boundary as result unions, never as thrown errors. */
export type Result<T, E extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: { code: E; messageKey: string } };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E extends string>(code: E, messageKey: string): Result<never, E> => ({
  ok: false,
  error: { code, messageKey },
});
