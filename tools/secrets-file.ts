import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A fresh HS256 secret (384 bits) and a fresh AES-256 informant key, as the services want them. */
export const newJwtSecret = (): string => randomBytes(48).toString('base64url');
export const newInformantKey = (): string => randomBytes(32).toString('base64');

/**
 * A file of `NAME=value` lines (shell and docker-compose syntax) holding a platform's secrets:
 * read, and completed with fresh values for the names it lacks, never overwriting one it has.
 * For its owner only (0600): the operator keeps it, and backs it up with the data (without the
 * informant key the stored informants cannot be read).
 */
export function secretsFile(file: string, wanted: Record<string, () => string>, header: string[]): Record<string, string> {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : header.map((line) => `# ${line}`);
  const values = Object.fromEntries(
    lines
      .map((line) => /^([A-Z_]+)=(.*)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map(([, name, value]) => [name!, value!]),
  );
  const missing = Object.keys(wanted).filter((name) => !values[name]);
  if (missing.length > 0) {
    for (const name of missing) values[name] = wanted[name]!();
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const kept = lines.filter((line) => line.trim() !== '' && !missing.some((name) => line.startsWith(`${name}=`)));
    writeFileSync(file, `${[...kept, ...missing.map((name) => `${name}=${values[name]}`)].join('\n')}\n`, { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return values;
}
