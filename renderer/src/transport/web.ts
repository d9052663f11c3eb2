/**
 * The Sesame host transport: JSON calls over fetch with the HttpOnly session cookie (sent by the browser)
 * and the CSRF token fetched once from /api/session. Network failures become the `unavailable` error.
 */
import type { LanguageTag } from '../../../shared/app';
import type { CallName, CallResult } from '../../../shared/calls';
import type { CallErrorCode } from '../../../shared/errors';
import type { Result } from '../../../shared/result';
import { bootstrapCsrfToken } from './bootstrap';
import type { Transport } from './transport';

const unavailable = { ok: false as const, error: { code: 'unavailable' as const, messageKey: 'error.unavailable' } };

function isResult(value: unknown): value is Result<unknown, CallErrorCode> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function webTransport(base = ''): Transport {
  const embedded = bootstrapCsrfToken();
  let csrfToken: Promise<string | undefined> | undefined = embedded ? Promise.resolve(embedded) : undefined;
  let language: LanguageTag | undefined;

  const fetchToken = async (): Promise<string | undefined> => {
    const res = await fetch(`${base}/api/session`, { credentials: 'same-origin', cache: 'no-store' });
    const body: unknown = await res.json();
    return isResult(body) && body.ok ? (body.value as { csrfToken: string }).csrfToken : undefined;
  };

  async function post(name: CallName, request: unknown, token: string): Promise<Response> {
    return fetch(`${base}/api/${name}`, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', 'X-Sesame-CSRF': token, ...(language ? { 'X-Sesame-Language': language } : {}) },
      body: JSON.stringify(request),
    });
  }

  return {
    async call(name, request) {
      try {
        csrfToken ??= fetchToken();
        let token = await csrfToken;
        if (!token) {
          csrfToken = undefined;
          return unavailable as CallResult<typeof name>;
        }
        let res = await post(name, request, token);
        if (res.status === 401) {
          // The browser session idled out: a fresh one serves new flows (old flow sessions stay bound to the old).
          csrfToken = fetchToken();
          token = await csrfToken;
          if (token) res = await post(name, request, token);
        }
        const body: unknown = await res.json();
        return (isResult(body) ? body : unavailable) as CallResult<typeof name>;
      } catch {
        csrfToken = undefined;
        return unavailable as CallResult<typeof name>;
      }
    },
    setLanguage(next) {
      language = next;
    },
  };
}
