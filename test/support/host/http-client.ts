/** A raw HTTP(S) client for host tests: full control over Host, Origin and cookies, no browser rules. */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json(): unknown;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  ca?: string;
}

export function rawRequest(url: string, options: RawRequest = {}): Promise<RawResponse> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      { method: options.method ?? 'GET', headers: options.headers, ...(options.ca ? { ca: options.ca } : {}), agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) as unknown });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A browser-like session with the host: cookie from the page, CSRF token from /api/session. */
export interface HostSession {
  cookie: string;
  csrfToken: string;
  origin: string;
  call(name: string, payload: unknown, extraHeaders?: Record<string, string>): Promise<RawResponse>;
}

export async function openSession(baseUrl: string, ca?: string): Promise<HostSession> {
  const session = await rawRequest(`${baseUrl}/api/session`, { headers: { 'sec-fetch-site': 'same-origin' }, ...(ca ? { ca } : {}) });
  const setCookie = session.headers['set-cookie']?.[0];
  if (session.status !== 200 || !setCookie) throw new Error(`no session: ${session.status} ${session.body}`);
  const cookie = setCookie.split(';')[0]!;
  const { value } = session.json() as { value: { csrfToken: string } };
  const origin = new URL(baseUrl).origin;
  return {
    cookie,
    csrfToken: value.csrfToken,
    origin,
    call: (name, payload, extraHeaders = {}) =>
      rawRequest(`${baseUrl}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, cookie, 'x-sesame-csrf': value.csrfToken, ...extraHeaders },
        body: typeof payload === 'string' ? payload : JSON.stringify(payload),
        ...(ca ? { ca } : {}),
      }),
  };
}
