/**
 * Per-run TLS for the DC: a CA and a certificate naming only `<host>.<realm>`, as Samba's own generated
 * one does (no IP address), written where Samba looks (private/tls/{ca,cert,key}.pem). EC keys take
 * milliseconds; Samba's self-generated RSA keys take about 10 s at first start.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** Returns the CA certificate (PEM) that clients must trust. */
export async function writeDcCertificates(tlsDir: string, serverName: string): Promise<string> {
  await mkdir(tlsDir, { recursive: true });
  const path = (name: string) => join(tlsDir, name);
  await run('openssl', [
    'req', '-x509', ...ecKey, '-keyout', path('ca.key'), '-out', path('ca.pem'), '-days', '2', '-subj', '/CN=Sesame Samba Test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await run('openssl', [
    'req', '-new', ...ecKey, '-keyout', path('key.pem'), '-out', path('dc.csr'), '-subj', `/CN=${serverName}`,
    '-addext', `subjectAltName=DNS:${serverName}`,
  ]);
  await run('openssl', [
    'x509', '-req', '-in', path('dc.csr'), '-CA', path('ca.pem'), '-CAkey', path('ca.key'), '-CAcreateserial',
    '-out', path('cert.pem'), '-days', '2', '-copy_extensions', 'copy',
  ]);
  // Samba refuses a private key others can read.
  await chmod(path('key.pem'), 0o600);
  await Promise.all([rm(path('ca.key')), rm(path('dc.csr'))]);
  return readFile(path('ca.pem'), 'utf8');
}
