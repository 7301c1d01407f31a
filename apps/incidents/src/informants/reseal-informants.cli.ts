// Rotates the informant key: `npm run incidents:reseal-informants` with the new key in
// INCIDENTS_INFORMANT_KEY and the old one(s) in INCIDENTS_INFORMANT_PREVIOUS_KEYS.
// Afterwards no record needs the old key; remove it from the configuration.
import 'reflect-metadata';
import { loadEnv } from '@binh-yen/http';
import { dataSourceOptions } from '@binh-yen/persistence';
import { DataSource } from 'typeorm';
import { IncidentsEnv } from '../config/incidents.env';
import { incidentsMigrations } from '../migrations';
import { InformantCipher } from '../shared/informant-cipher';
import { resealInformants } from './reseal-informants';

async function main(): Promise<void> {
  const env = loadEnv(IncidentsEnv, process.env);
  const cipher = new InformantCipher(env.INCIDENTS_INFORMANT_KEY, env.INCIDENTS_INFORMANT_PREVIOUS_KEYS);
  const dataSource = await new DataSource(dataSourceOptions({ url: env.DATABASE_URL, poolSize: 2, migrations: incidentsMigrations, applicationName: 'incidents-reseal' })).initialize();
  try {
    const moved = await resealInformants(dataSource, cipher, (done, total) => process.stdout.write(`Mã hóa lại / resealing informants: ${done}/${total}\n`));
    process.stdout.write(`Resealed ${moved} informant record(s) with key ${cipher.keyId}; the previous keys are no longer needed.\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Reseal failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
