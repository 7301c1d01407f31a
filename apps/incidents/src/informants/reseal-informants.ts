import type { DataSource } from 'typeorm';
import type { InformantCipher } from '../shared/informant-cipher';

interface SealedRow {
  incident_id: string;
  key_id: string;
  iv: Buffer;
  ciphertext: Buffer;
  auth_tag: Buffer;
}

/**
 * Key rotation: every informant sealed with an older key is opened with it and sealed
 * again with the current one, a batch per transaction (rows locked, so a concurrent
 * reseal skips them). Safe to stop and run again; returns how many it moved.
 */
export async function resealInformants(dataSource: DataSource, cipher: InformantCipher, onProgress: (done: number, total: number) => void, batchSize = 200): Promise<number> {
  if (!cipher.keyId) throw new Error('INCIDENTS_INFORMANT_KEY is not configured: set the new key first');
  const [{ n }] = (await dataSource.query(`SELECT count(*) AS n FROM incident_informants WHERE key_id <> $1`, [cipher.keyId])) as [{ n: string }];
  const total = Number(n);
  let done = 0;
  for (;;) {
    const moved = await dataSource.transaction(async (tx) => {
      const rows: SealedRow[] = await tx.query(
        `SELECT incident_id, key_id, iv, ciphertext, auth_tag FROM incident_informants WHERE key_id <> $1 ORDER BY incident_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [cipher.keyId, batchSize],
      );
      for (const row of rows) {
        const sealed = cipher.reseal(row.incident_id, { keyId: row.key_id, iv: row.iv, ciphertext: row.ciphertext, authTag: row.auth_tag });
        await tx.query(`UPDATE incident_informants SET key_id = $2, iv = $3, ciphertext = $4, auth_tag = $5 WHERE incident_id = $1`, [
          row.incident_id,
          sealed.keyId,
          sealed.iv,
          sealed.ciphertext,
          sealed.authTag,
        ]);
      }
      return rows.length;
    });
    if (moved === 0) return done;
    done += moved;
    onProgress(done, total);
  }
}
