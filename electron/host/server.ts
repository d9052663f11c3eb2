/**
 * The Sesame host: a small node:http(s) server that serves the built renderer and the contract as JSON
 * calls (api.ts), for tests, the demo and web access. Not shipped in the kiosk MSI.
 */
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { transportMessageKeys } from '../../shared/messages';
import { fail } from '../../shared/result';
import type { Dispatch } from '../handlers/dispatch';
import { callError } from '../handlers/dispatch';
import { silentLogger, type Logger } from '../logging/logger';
import { handleApiCall, sendResult } from './api';
import { renderIndexPage } from './index-page';
import { hostOptionsSchema, type HostOptionsInput } from './options';
import { addressKey, RateLimiter } from './rate-limit';
import { setSecurityHeaders } from './security-headers';
import { BrowserSessions, readCookie, sessionCookie, type BrowserSession } from './sessions';
import { findStaticFile } from './static-files';

export interface RunningHost {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export async function startHost(input: HostOptionsInput, dispatch: Dispatch, logger: Logger = silentLogger): Promise<RunningHost> {
  const options = hostOptionsSchema.parse(input);
  const tls = options.tls !== undefined;
  const scheme = tls ? 'https' : 'http';
  // __Host- pins the cookie to this origin and path; browsers accept it only with Secure.
  const cookieName = tls ? '__Host-sesame' : 'sesame';
  const sessions = new BrowserSessions(options.sessionIdleSeconds * 1000);
  const perAddress = new RateLimiter(options.perAddressRate);
  const perSession = new RateLimiter(options.perSessionRate);
  let port = options.port;

  const allowedHost = (req: IncomingMessage): string | undefined => {
    const host = req.headers.host;
    if (!host) return undefined;
    const url = URL.parse(`${scheme}://${host}`);
    if (!url || url.username || url.pathname !== '/') return undefined;
    const name = url.hostname.replace(/^\[|\]$/g, '');
    const portOk = Number(url.port || (tls ? 443 : 80)) === port;
    return portOk && options.publicHostNames.includes(name) ? host : undefined;
  };
  const sessionOf = (req: IncomingMessage) => sessions.find(readCookie(req.headers.cookie, cookieName));
  const expectedOrigin = (req: IncomingMessage) => {
    const host = allowedHost(req);
    return host ? `${scheme}://${host}` : undefined;
  };
  const ensureSession = (req: IncomingMessage, res: ServerResponse): BrowserSession => {
    const existing = sessionOf(req);
    if (existing) return existing;
    const created = sessions.create();
    res.setHeader('Set-Cookie', sessionCookie(cookieName, created.id, tls));
    return created;
  };
  const apiDeps = { dispatch, sessions, perSession, kioskId: options.kioskId, maxBodyBytes: options.maxBodyBytes, sessionOf, expectedOrigin };

  async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Method not allowed');
      return;
    }
    const file = await findStaticFile(options.staticRoot, path);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    let body = file.body;
    if (path === '/' || path === '/index.html') {
      const session = ensureSession(req, res);
      const info = await dispatch('app.info', {}, { kioskId: options.kioskId, clientId: session.clientId });
      body = Buffer.from(renderIndexPage(body.toString('utf8'), { csrfToken: session.csrfToken, ...(info.ok ? { appInfo: info.value } : {}) }));
      res.setHeader('Cache-Control', 'no-store');
    }
    res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': body.length, 'Cache-Control': (res.getHeader('Cache-Control') as string | undefined) ?? file.cacheControl });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res, tls);
    const remote = req.socket.remoteAddress ?? 'unknown';
    if (!perAddress.take(addressKey(remote))) return sendResult(res, callError('rateLimited'));
    if (!allowedHost(req)) return sendResult(res, fail('forbiddenSender', transportMessageKeys.badOrigin), 421);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/api/session') {
      // The page learns its CSRF token here; another origin cannot read this answer (no CORS).
      if (req.method !== 'GET') return sendResult(res, callError('invalidRequest'), 405);
      const fetchSite = req.headers['sec-fetch-site'];
      if (fetchSite !== undefined && fetchSite !== 'same-origin') return sendResult(res, fail('forbiddenSender', transportMessageKeys.badOrigin));
      const session = ensureSession(req, res);
      return sendResult(res, { ok: true, value: { csrfToken: session.csrfToken } });
    }
    if (path.startsWith('/api/')) return handleApiCall(apiDeps, req, res, path.slice('/api/'.length));
    return serveStatic(req, res, path);
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((err: unknown) => {
      logger.error('host request failed', { path: req.url?.split('?')[0], errorName: err instanceof Error ? err.name : typeof err });
      if (!res.headersSent) sendResult(res, callError('internal'));
      else res.destroy();
    });
  };
  const server: Server = tls
    ? createHttpsServer({ cert: await readFile(options.tls!.certFile), key: await readFile(options.tls!.keyFile), minVersion: 'TLSv1.2' }, handler)
    : createHttpServer(handler);
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  server.maxHeadersCount = 50;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.listenHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const urlHost = options.listenHost === '0.0.0.0' || options.listenHost === '::' ? (options.publicHostNames[0] ?? 'localhost') : options.listenHost;
  const url = `${scheme}://${urlHost.includes(':') ? `[${urlHost}]` : urlHost}:${port}`;
  logger.info('host listening', { url });
  return {
    url,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
