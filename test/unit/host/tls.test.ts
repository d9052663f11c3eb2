import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/handlers/dispatch';
import { createHandlers } from '../../../electron/handlers/handlers';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { testAppInfo } from '../../support/host/app-info';
import { openSession, rawRequest } from '../../support/host/http-client';
import { makeStaticRoot } from '../../support/host/static-root';
import { makeCertificateAuthority, makeServerCertificate, type CertificateAuthority } from '../../support/slapd/certificates';

describe('Sesame host over TLS', () => {
  let host: RunningHost;
  let ca: CertificateAuthority;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sesame-host-tls-'));
    ca = await makeCertificateAuthority(dir);
    const cert = await makeServerCertificate(dir, ca);
    const { root } = await makeStaticRoot();
    host = await startHost({ staticRoot: root, tls: { certFile: cert.certPath, keyFile: cert.keyPath } }, createDispatch(createHandlers({ appInfo: testAppInfo })));
  });
  afterAll(() => host.close());

  it('serves HTTPS with HSTS and a Secure __Host- cookie', async () => {
    expect(host.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await rawRequest(`${host.url}/`, { ca: ca.pem });
    expect(res.status).toBe(200);
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['set-cookie']?.[0]).toMatch(/^__Host-sesame=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
  });

  it('answers calls over TLS with the https origin', async () => {
    const session = await openSession(host.url, ca.pem);
    expect((await session.call('app.info', {})).json()).toMatchObject({ ok: true });
    expect((await session.call('app.info', {}, { origin: host.url.replace('https', 'http') })).status).toBe(403);
  });

  it('does not answer plain HTTP on the TLS port', async () => {
    await expect(rawRequest(host.url.replace('https', 'http'))).rejects.toThrow();
  });
});
