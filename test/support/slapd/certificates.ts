/**
 * Per-run TLS material made with the openssl CLI: a CA and a server certificate for 127.0.0.1 and
 * localhost. EC P-256 keys keep generation to a few milliseconds. Tests also use `makeCertificateAuthority`
 * for a second, unrelated CA to prove that an untrusted server certificate is refused.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CertificateAuthority {
  certPath: string;
  keyPath: string;
  pem: string;
}

export interface ServerCertificate {
  certPath: string;
  keyPath: string;
}

const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export async function makeCertificateAuthority(dir: string, name = 'Sesame Test CA'): Promise<CertificateAuthority> {
  const certPath = join(dir, 'ca.pem');
  const keyPath = join(dir, 'ca.key');
  await run('openssl', [
    'req', '-x509', ...ecKey, '-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', `/CN=${name}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return { certPath, keyPath, pem: await readFile(certPath, 'utf8') };
}

export async function makeServerCertificate(dir: string, ca: CertificateAuthority): Promise<ServerCertificate> {
  const certPath = join(dir, 'server.pem');
  const keyPath = join(dir, 'server.key');
  const csrPath = join(dir, 'server.csr');
  await run('openssl', [
    'req', '-new', ...ecKey, '-keyout', keyPath, '-out', csrPath, '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ]);
  // -copy_extensions keeps the CSR's subjectAltName, which clients verify against.
  await run('openssl', [
    'x509', '-req', '-in', csrPath, '-CA', ca.certPath, '-CAkey', ca.keyPath, '-CAcreateserial',
    '-out', certPath, '-days', '2', '-copy_extensions', 'copy',
  ]);
  return { certPath, keyPath };
}
