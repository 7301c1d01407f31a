// `npm start`: the whole platform on this machine with nothing but Node.js — the
// four services in this one process, each on its own PGlite database under
// DATA_DIR (./data), events through the embedded table log. One log stream with
// a service tag on every line; Ctrl-C stops everything cleanly.
import 'reflect-metadata';
import { rmSync, writeFileSync } from 'node:fs';
import { quarterOf } from '@binh-yen/contracts';
import { join } from 'node:path';
import { issueToken } from '@binh-yen/auth';
import { NotProductionReadyError } from '@binh-yen/service-runtime';
import { generateDemoData } from '@binh-yen/demo-data';
import { demoCredentials } from './demo-credentials';
import { startEmbeddedDashboard } from './embedded-dashboard';
import { startEmbeddedDatabases, type EmbeddedDatabases } from './embedded-databases';
import { embeddedSettings, keepDataPrivate, SERVICE_NAMES, type EmbeddedSettings } from './embedded-settings';
import { hostServices, stopServices, type HostedServices } from './host-services';
import { seedOnFirstStart } from './seed-on-first-start';
import { say } from './service-logger';
import { waitUntilCaughtUp } from './wait-caught-up';

let databases: EmbeddedDatabases | undefined;
let services: HostedServices | undefined;
let dashboard: Awaited<ReturnType<typeof startEmbeddedDashboard>>;

async function main(): Promise<void> {
  // Everything this process writes (databases, demo tokens, spans, logs) is its owner's alone.
  process.umask(0o077);
  const settings = embeddedSettings(process.env);
  say(`starting Bình Yên (embedded mode), data in ${settings.dataDir}`);
  databases = await startEmbeddedDatabases(settings.dataDir);
  keepDataPrivate(settings.dataDir);
  say(`databases up (PGlite): ${Object.entries(databases.urls).map(([name, url]) => `${name} ${new URL(url).host}`).join(', ')}`);
  services = await hostServices(settings, databases);
  takeOverSignals();
  await seedOnFirstStart(settings.dataDir, services);
  await waitUntilCaughtUp(services, databases.urls.events);
  dashboard = await startEmbeddedDashboard(settings, services);
  await printWhereEverythingIs(settings, services);
  if (process.env['DEMO_DATA'] !== 'false') void loadDemoData(settings, services);
}

/**
 * After the platform is ready (so it can be used at once), the demo data goes in
 * through the services' APIs, with progress; a restart goes on where it stopped.
 */
async function loadDemoData(settings: EmbeddedSettings, running: HostedServices): Promise<void> {
  try {
    const summary = await generateDemoData({
      urls: { units: running.units.url, incidents: running.incidents.url, campaigns: running.campaigns.url, reporting: running.reporting.url },
      tokenFor: (caller) => issueToken(caller, settings.signing),
      progressFile: join(settings.dataDir, '.demo-data.json'),
      ...(process.env['DEMO_INCIDENTS'] ? { incidents: Number(process.env['DEMO_INCIDENTS']) } : {}),
      say: (line) => say(line),
    });
    if (summary.refused.length > 0) writeFileSync(join(settings.dataDir, 'demo-data-refused.txt'), `${summary.refused.join('\n')}\n`);
    if (summary.written > 0 || summary.refused.length > 0) {
      say(`demo data ready: ${summary.written} records in ${summary.seconds.toFixed(1)} s${summary.refused.length ? `, ${summary.refused.length} refused (first: ${summary.refused[0]})` : ''} (dữ liệu mẫu đã sẵn sàng)`);
    }
  } catch (error) {
    if (!stopping) say(`demo data stopped: ${error instanceof Error ? error.message : String(error)}; it goes on at the next start`);
  }
}

/** The demo tokens, when demo sign-in is on (DEMO_SIGN_IN); otherwise none are made and an old file goes. */
async function demoTokenLines(settings: EmbeddedSettings): Promise<string[]> {
  if (!settings.demoSignIn) {
    rmSync(join(settings.dataDir, 'demo-tokens.json'), { force: true });
    return ['Demo sign-in is off (DEMO_SIGN_IN=false): sign in with tokens of your identity provider.'];
  }
  const credentials = await demoCredentials(settings.signing, settings.dataDir);
  return ['Demo tokens (8 h; every agency × role in ' + credentials.file + '):', ...credentials.highlights.flatMap(({ label, token }) => [`  ${label}:`, `    ${token}`])];
}

async function printWhereEverythingIs(settings: EmbeddedSettings, running: HostedServices): Promise<void> {
  const tokens = await demoTokenLines(settings);
  const quarter = quarterOf(new Date());
  const lines = [
    '',
    'Bình Yên is running (embedded mode). Ctrl-C stops everything.',
    '',
    ...(dashboard ? [`  dashboard  ${dashboard.url}/`] : []),
    ...SERVICE_NAMES.map((service) => `  ${service.padEnd(10)} ${running[service].url}/api/docs`),
    `  report     ${running.reporting.url}/api/v1/reports/incident-counts?quarter=${quarter}`,
    `  quarterly  ${running.reporting.url}/api/v1/reports/quarterly?area=25&quarter=${quarter}`,
    `  freshness  ${running.reporting.url}/api/v1/reports/freshness`,
    `  data       ${settings.dataDir}`,
    '',
    ...tokens,
    '',
    'Try:',
    `  curl -H "authorization: Bearer $TOKEN" '${running.reporting.url}/api/v1/reports/incident-counts?quarter=${quarter}'`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  // From the start of the process: loading the code is part of starting.
  say(`Bình Yên is ready in ${process.uptime().toFixed(1)} s (peak memory ${peakMb} MB)`);
}

/**
 * Each Nest app listens for termination signals to close itself; here the
 * launcher closes them, in order, and the databases after them.
 */
function takeOverSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
}

let stopping: Promise<void> | undefined;
function shutdown(code: number): Promise<void> {
  stopping ??= (async () => {
    await dashboard?.stop();
    say('stopping the services…');
    if (services) await stopServices(services);
    say('stopping the databases…');
    await databases?.stop();
    say(`stopped (peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`);
    process.exit(code);
  })();
  return stopping;
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch((error: unknown) => {
  // A configuration refused by the production-readiness check says what to set; a stack would only hide it.
  const text = error instanceof NotProductionReadyError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${text}\n`);
  void shutdown(1);
});
