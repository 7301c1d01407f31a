// Prints a development token: `npm run token -- police officer 25 [subject]`.
import { Agencies, issueToken, Roles, type Agency, type Role } from '@binh-yen/auth';

export const DEV_JWT_SECRET = 'dev-secret-change-me-in-every-deployment';

async function main(): Promise<void> {
  const [agency = 'police', role = 'officer', area = '25', subject = `${agency}-${role}`] = process.argv.slice(2);
  if (!Agencies.includes(agency as Agency)) throw new Error(`agency must be one of ${Agencies.join(', ')}`);
  if (!Roles.includes(role as Role)) throw new Error(`role must be one of ${Roles.join(', ')}`);
  const secret = process.env['AUTH_JWT_SECRET'] ?? DEV_JWT_SECRET;
  process.stdout.write(`${await issueToken({ subject, agency: agency as Agency, roles: [role as Role], area }, secret)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
