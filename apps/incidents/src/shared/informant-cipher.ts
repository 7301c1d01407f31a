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

  constructor(keyBase64: string | undefined) {
    this.key = keyBase64 ? Buffer.from(keyBase64, 'base64') : null;
    if (this.key && this.key.length !== 32) throw new Error('INCIDENTS_INFORMANT_KEY must decode to 32 bytes');
    this.keyId = this.key ? createHash('sha256').update(this.key).digest('hex').slice(0, 16) : null;
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
    const key = this.requireKey();
    if (sealed.keyId !== this.keyId) throw new Error(`informant sealed with key ${sealed.keyId}, the configured key is ${this.keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
    decipher.setAAD(Buffer.from(incidentId, 'utf8'));
    decipher.setAuthTag(sealed.authTag);
    const plaintext = Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
    return JSON.parse(plaintext) as Informant;
  }

  private requireKey(): Buffer {
    if (!this.key) throw new Error('INCIDENTS_INFORMANT_KEY is not configured');
    return this.key;
  }
}
