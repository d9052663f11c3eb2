/**
 * The renderer is served from the privileged `app://sesame/` scheme, never from file:// (which Chromium
 * grants extra powers): only files under the packaged renderer directory, each with a strict CSP.
 */
import { protocol } from 'electron';
import { findStaticFile } from '../host/static-files';

export const appScheme = 'app';
export const appHost = 'sesame';
export const appStartUrl = `${appScheme}://${appHost}/index.html`;

/**
 * Scripts, styles, images and fonts only from the app itself (the TOTP QR code is a data: image); no
 * network at all: calls go through IPC, so connect-src is 'none'.
 */
export const appContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = {
  'Content-Security-Policy': appContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** True for URLs of the app itself (app://sesame/...). WHATWG gives custom schemes an opaque origin, so compare parts. */
export function isAppUrl(url: string): boolean {
  const parsed = URL.parse(url);
  return parsed !== null && parsed.protocol === `${appScheme}:` && parsed.host === appHost && !parsed.username && !parsed.password;
}

/**
 * Must run before the app is ready: `standard` gives the scheme real origins (so 'self' in the CSP and
 * same-origin rules work), `secure` makes it a secure context like https. No `corsEnabled` (it would let
 * other origins read app:// responses), no `bypassCSP`, no `supportFetchAPI` (the page fetches nothing).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, codeCache: true } }]);
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Answers one app:// request from the renderer directory; anything else (other host, traversal, non-GET) is refused. */
export async function serveAppRequest(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed');
  if (!isAppUrl(request.url)) return refusal(404, 'Not found');
  // Still percent-encoded: findStaticFile decodes it and refuses an encoded "..", backslash or NUL.
  const file = await findStaticFile(rendererDir, new URL(request.url).pathname);
  if (!file) return refusal(404, 'Not found');
  const headers = { ...securityHeaders, 'Content-Type': file.contentType, 'Cache-Control': file.cacheControl };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers });
}

/** Serves app:// for the default session (after ready). */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, (request) => serveAppRequest(request, rendererDir));
}
