// `npm install` runs this (postinstall): the Postgres cluster that first starts of
// `npm start` copy. A failure here never fails the install: the first start then
// runs initdb itself, only slower.
import { prepareSharedTemplate } from './cluster-template';

const started = Date.now();
prepareSharedTemplate().then(
  (dir) => {
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(`[binh-yen] embedded Postgres cluster ready in ${((Date.now() - started) / 1000).toFixed(1)} s (peak ${peakMb} MB): ${dir}\n`);
  },
  (error: unknown) => {
    process.stdout.write(`[binh-yen] could not prepare the embedded Postgres cluster (${String(error)}); the first \`npm start\` will make it.\n`);
  },
);
