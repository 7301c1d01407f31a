/** The four services of the local stack: where each listens and which database it owns. */
export const localServices = [
  { name: 'units', port: 3101 },
  { name: 'incidents', port: 3102 },
  { name: 'campaigns', port: 3103 },
  { name: 'reporting', port: 3104 },
] as const;

export type LocalServiceName = (typeof localServices)[number]['name'];

export function localDatabaseUrl(service: string, base = process.env['POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres'): string {
  const url = new URL(base);
  url.pathname = `/binhyen_${service}`;
  return url.toString();
}
