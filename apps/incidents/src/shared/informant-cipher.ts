import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Informant } from '@binh-yen/incidents-domain';

export interface SealedInformant {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  authTag: Buffer;
}

/**
 * AES-256-GCM for the informant of a public tip. Each record gets a fresh 96-bit
 * IV, and the incident id is the associated data, so a sealed informant copied
 * onto another incident does not open. `keyId` (a hash prefix of the key) says
 * which key sealed a record when keys are rotated.
 */
export class InformantCipher {
  private readonly key: Buffer | null;
  readonly keyId: string | null;
  /** Keys that sealed older records, kept (read only) until `incidents:reseal-informants` has moved them to the current key. */
  private readonly previous = new Map<string, Buffer>();

  constructor(keyBase64: string | undefined, previousKeysBase64: readonly string[] = []) {
    this.key = keyBase64 ? decodeKey(keyBase64, 'INCIDENTS_INFORMANT_KEY') : null;
    this.keyId = this.key ? keyIdOf(this.key) : null;
    for (const previous of previousKeysBase64) {
      const key = decodeKey(previous, 'INCIDENTS_INFORMANT_PREVIOUS_KEYS');
      this.previous.set(keyIdOf(key), key);
    }
  }

  get available(): boolean {
    return this.key !== null;
  }

  seal(incidentId: string, informant: Informant): SealedInformant {
    const key = this.requireKey();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(incidentId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(informant), 'utf8'), cipher.final()]);
    return { keyId: this.keyId!, iv, ciphertext, authTag: cipher.getAuthTag() };
  }

  open(incidentId: string, sealed: SealedInformant): Informant {
    const key = sealed.keyId === this.keyId ? this.requireKey() : this.previous.get(sealed.keyId);
    if (!key) throw new Error(`informant sealed with key ${sealed.keyId}, the configured key is ${this.keyId}; add the old key to INCIDENTS_INFORMANT_PREVIOUS_KEYS`);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
    decipher.setAAD(Buffer.from(incidentId, 'utf8'));
    decipher.setAuthTag(sealed.authTag);
    const plaintext = Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
    return JSON.parse(plaintext) as Informant;
  }

  /** The record sealed again with the current key (a rotation step); unchanged if it already is. */
  reseal(incidentId: string, sealed: SealedInformant): SealedInformant {
    return sealed.keyId === this.keyId ? sealed : this.seal(incidentId, this.open(incidentId, sealed));
  }

  private requireKey(): Buffer {
    if (!this.key) throw new Error('INCIDENTS_INFORMANT_KEY is not configured');
    return this.key;
  }
}

function decodeKey(base64: string, variable: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error(`${variable} must decode to 32 bytes`);
  return key;
}

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}
