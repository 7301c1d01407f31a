// `npm run demo:data`: the demo data of `npm start`, written into a platform already
// running (the local stack or containers): ratings, forces, models, campaigns, incidents.
import { issueToken } from '@binh-yen/auth';
import { generateDemoData } from './demo/demo-data';
import { serviceUrls } from './demo/service-urls';
import { tokenSigningFromEnv } from './token-signing';

async function main(): Promise<void> {
  const signing = tokenSigningFromEnv(process.env);
  const summary = await generateDemoData({
    urls: serviceUrls(process.env),
    tokenFor: (caller) => issueToken(caller, signing),
    progressFile: process.env['DEMO_PROGRESS_FILE'] ?? '.demo-data-progress.json',
    say: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`demo data: ${summary.written} records in ${summary.seconds.toFixed(1)} s, ${summary.refused.length} refused\n`);
  for (const refusal of summary.refused.slice(0, 20)) process.stdout.write(`  refused: ${refusal}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
