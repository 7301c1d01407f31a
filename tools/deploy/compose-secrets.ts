// `npm run compose:secrets`: the secrets docker-compose.yml requires (it ships none), made once
// into .env beside it — the file `docker compose` reads by itself. Keep it, back it up with the
// volumes; a second run keeps what is there and only adds what is missing.
import { join } from 'node:path';
import { newInformantKey, newJwtSecret, secretsFile } from '../secrets-file';

const file = join(__dirname, '..', '..', '.env');
secretsFile(file, { AUTH_JWT_SECRET: newJwtSecret, INCIDENTS_INFORMANT_KEY: newInformantKey }, [
  'Secrets of the containers (docker compose reads this file). Made by `npm run compose:secrets`; keep it:',
  'without INCIDENTS_INFORMANT_KEY the stored informants cannot be read. Never commit it.',
]);
process.stdout.write(`${file}: AUTH_JWT_SECRET and INCIDENTS_INFORMANT_KEY are set (mode 0600); now \`docker compose up --build\`.\n`);
