/**
 * A throw-away self-signed certificate for 127.0.0.1 (with the IP in subjectAltName, so a client
 * that verifies can trust it by its CA), for tests of TLS paths. Needs `openssl` on the PATH.
 *
 * @example
 * ```ts
 * const { key, cert } = selfSignedCert(mkdtempSync(join(tmpdir(), 'tls-')));
 * https.createServer({ key, cert }, handler);
 * ```
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function selfSignedCert(dir: string): { key: Buffer; cert: Buffer } {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
}
