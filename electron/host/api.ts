/**
 * The JSON API of the host: POST /api/<call> with the session cookie, the CSRF header, a same-origin
 * Origin and a JSON body within the size limit; then the same dispatch as Electron IPC. Every refusal is
 * a typed Result, so clients handle transport and contract errors alike.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { languageTags, type LanguageTag } from '../../shared/app';
import type { CallErrorCode } from '../../shared/errors';
import { errorMessageKeys, transportMessageKeys } from '../../shared/messages';
import { fail } from '../../shared/result';
import { callError, type AnyCallResult, type Dispatch } from '../handlers/dispatch';
import type { RateLimiter } from './rate-limit';
import { BrowserSessions, type BrowserSession } from './sessions';

export const csrfHeader = 'x-sesame-csrf';
export const languageHeader = 'x-sesame-language';

const statusOf: Record<CallErrorCode, number> = {
  invalidRequest: 400,
  unknownCall: 404,
  forbiddenSender: 403,
  rateLimited: 429,
  sessionExpired: 401,
  notPermitted: 403,
  unavailable: 503,
  internal: 500,
};

export function sendResult(res: ServerResponse, result: AnyCallResult, status = result.ok ? 200 : statusOf[result.error.code]): void {
  const body = JSON.stringify(result);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume(); // drain without keeping it
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface ApiDeps {
  dispatch: Dispatch;
  sessions: BrowserSessions;
  perSession: RateLimiter;
  kioskId: string;
  maxBodyBytes: number;
  /** The session of the request's cookie, if live. */
  sessionOf(req: IncomingMessage): BrowserSession | undefined;
  /** The Origin a same-origin request from this Host carries. */
  expectedOrigin(req: IncomingMessage): string | undefined;
}

function languageOf(req: IncomingMessage): LanguageTag | undefined {
  const value = req.headers[languageHeader];
  return typeof value === 'string' && (languageTags as readonly string[]).includes(value) ? (value as LanguageTag) : undefined;
}

export async function handleApiCall(deps: ApiDeps, req: IncomingMessage, res: ServerResponse, callName: string): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendResult(res, callError('invalidRequest'), 405);
  }
  const origin = req.headers.origin;
  if (!origin || origin !== deps.expectedOrigin(req)) return sendResult(res, fail('forbiddenSender', transportMessageKeys.badOrigin));
  const session = deps.sessionOf(req);
  if (!session) return sendResult(res, fail('sessionExpired', transportMessageKeys.noSession));
  const csrf = req.headers[csrfHeader];
  if (!BrowserSessions.csrfMatches(session, typeof csrf === 'string' ? csrf : undefined)) {
    return sendResult(res, fail('forbiddenSender', errorMessageKeys.forbiddenSender));
  }
  if (!deps.perSession.take(session.id)) return sendResult(res, callError('rateLimited'));
  const contentType = req.headers['content-type'] ?? '';
  if (!/^application\/json(\s*;\s*charset=utf-8)?$/i.test(contentType)) return sendResult(res, callError('invalidRequest'), 415);
  let payload: unknown;
  try {
    const body = await readBody(req, deps.maxBodyBytes);
    payload = JSON.parse(body.toString('utf8'));
  } catch (err) {
    if (err instanceof BodyTooLarge) {
      res.setHeader('Connection', 'close');
      return sendResult(res, fail('invalidRequest', transportMessageKeys.tooLarge), 413);
    }
    return sendResult(res, callError('invalidRequest'));
  }
  const language = languageOf(req);
  const context = { kioskId: deps.kioskId, clientId: session.clientId, ...(language ? { language } : {}) };
  sendResult(res, await deps.dispatch(callName, payload, context));
}
