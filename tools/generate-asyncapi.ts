// Writes docs/events/asyncapi.json from libs/contracts: `npm run events:catalog`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument } from '@binh-yen/contracts';

const target = join(__dirname, '..', 'docs', 'events', 'asyncapi.json');
writeFileSync(target, `${JSON.stringify(asyncApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
