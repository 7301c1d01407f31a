import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TlsMaterial {
  dir: string;
  /** The test CA's certificate (PEM): what clients trust. */
  caFile: string;
  /** The broker's private key (PKCS#8) followed by its certificate and the CA's: a PEM keystore for Kafka. */
  brokerKeystoreFile: string;
  /** Another CA's certificate, trusted by nobody: a client trusting only it must fail the handshake. */
  strangerCaFile: string;
}

async function openssl(args: string[], cwd: string): Promise<void> {
  await run('openssl', args, { cwd });
}

async function makeCa(dir: string, name: string): Promise<void> {
  await openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.pem`], dir);
}

/**
 * Certificates made at test time with openssl (nothing committed): a throwaway CA and a broker
 * certificate for 127.0.0.1 (subject alternative name IP:127.0.0.1, so host-name checking holds).
 */
export async function makeTlsMaterial(): Promise<TlsMaterial> {
  const dir = mkdtempSync(join(tmpdir(), 'binhyen-tls-'));
  await makeCa(dir, 'test-ca');
  await makeCa(dir, 'stranger-ca');
  await openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'broker.key', '-out', 'broker.csr'], dir);
  writeFileSync(join(dir, 'broker.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n');
  await openssl(['x509', '-req', '-in', 'broker.csr', '-CA', 'test-ca.pem', '-CAkey', 'test-ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'broker.ext', '-out', 'broker.pem'], dir);
  // Kafka's PEM keystore wants an unencrypted PKCS#8 key, then the chain.
  await openssl(['pkcs8', '-topk8', '-nocrypt', '-in', 'broker.key', '-out', 'broker.pk8'], dir);
  const keystore = join(dir, 'broker-keystore.pem');
  writeFileSync(keystore, ['broker.pk8', 'broker.pem', 'test-ca.pem'].map((file) => readFileSync(join(dir, file), 'utf8')).join(''));
  return { dir, caFile: join(dir, 'test-ca.pem'), brokerKeystoreFile: keystore, strangerCaFile: join(dir, 'stranger-ca.pem') };
}
