import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agencies, issueToken, Roles, type Agency, type Role, type TokenSigning } from '@binh-yen/auth';

/** The callers a visitor most likely wants first; every agency × role goes to the file. */
const HIGHLIGHTS: { agency: Agency; role: Role; area: string; label: string }[] = [
  { agency: 'police', role: 'officer', area: '25', label: 'police officer, province' },
  { agency: 'procuracy', role: 'officer', area: '25', label: 'procuracy officer, province' },
  { agency: 'court', role: 'officer', area: '25', label: 'court officer, province' },
  { agency: 'people-committee', role: 'administrator', area: '25', label: 'people\u2019s committee administrator' },
  { agency: 'people-committee', role: 'analyst', area: '25', label: 'analyst (reports)' },
  { agency: 'police', role: 'officer', area: '25.227', label: 'police officer, Việt Trì only' },
  { agency: 'people-committee', role: 'auditor', area: '25', label: 'auditor' },
];

export interface DemoCredentials {
  highlights: { label: string; token: string }[];
  file: string;
}

/** Tokens signed with the embedded mode's secret, valid for 8 hours; the file is its owner's alone (0600). */
export async function demoCredentials(signing: TokenSigning, dataDir: string): Promise<DemoCredentials> {
  const highlights = await Promise.all(
    HIGHLIGHTS.map(async ({ agency, role, area, label }) => ({ label, token: await issueToken({ subject: `demo-${agency}-${role}`, agency, roles: [role], area }, signing) })),
  );
  const all: Record<string, Record<string, string>> = {};
  for (const agency of Agencies) {
    all[agency] = {};
    for (const role of Roles) all[agency][role] = await issueToken({ subject: `demo-${agency}-${role}`, agency, roles: [role], area: '25' }, signing);
  }
  const file = join(dataDir, 'demo-tokens.json');
  writeFileSync(file, `${JSON.stringify({ area: '25', expiresIn: '8h', tokens: all }, null, 2)}\n`, { mode: 0o600 });
  // The mode above applies to a new file only; an older version's may be 0644.
  chmodSync(file, 0o600);
  return { highlights, file };
}
