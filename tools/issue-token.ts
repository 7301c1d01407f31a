// Prints a token: `npm run token -- police officer 25 [subject]`, signed with the shell's
// AUTH_JWT_SECRET, AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE (or the embedded demo's secret).
import { Agencies, issueToken, Roles, type Agency, type Role } from '@binh-yen/auth';
import { tokenSigningFromEnv } from './token-signing';

async function main(): Promise<void> {
  const [agency = 'police', role = 'officer', area = '25', subject = `${agency}-${role}`] = process.argv.slice(2);
  if (!Agencies.includes(agency as Agency)) throw new Error(`agency must be one of ${Agencies.join(', ')}`);
  if (!Roles.includes(role as Role)) throw new Error(`role must be one of ${Roles.join(', ')}`);
  process.stdout.write(`${await issueToken({ subject, agency: agency as Agency, roles: [role as Role], area }, tokenSigningFromEnv(process.env))}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
