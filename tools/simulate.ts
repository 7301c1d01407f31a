// `npm run simulate`: keeps a running platform busy the way a province would — new
// incidents, cases moving along, campaign activities — so the reports and the
// dashboard can be watched moving. Ctrl-C stops it. SIMULATE_INTERVAL_MS (default 1000).
import { issueToken } from '@binh-yen/auth';
import { vietnamDate } from './demo/demo-calendar';
import { DemoClient, demoCaller, type Json } from './demo/demo-client';
import { DemoRandom, personName } from './demo/demo-random';
import { serviceUrls } from './demo/service-urls';
import { loadUnits, type DemoUnits } from './demo/units-demo';
import { tokenSigningFromEnv } from './token-signing';
import type { IncidentsOperations as operations, IncidentsSchemas as components } from '@binh-yen/api-client';

type Incidents = components['schemas'];
/** The statuses the incidents list filters by, as its document says. */
type IncidentStatus = NonNullable<NonNullable<operations['IncidentsController_list']['parameters']['query']>['status']>;

const OPEN: IncidentStatus[] = ['reported', 'verified', 'under-investigation', 'referred-to-procuracy', 'indicted', 'resolved-at-grassroots', 'not-prosecuted', 'tried'];
const CATEGORIES = ['criminal-offence', 'traffic-order', 'dispute-complaint', 'drugs', 'gambling', 'urban-order'];
const SOURCES: Incidents['ReportIncidentDto']['source'][] = ['public-tip', 'patrol', 'agency-report', 'self-report', 'media'];

async function reportIncident(client: DemoClient, random: DemoRandom, units: DemoUnits): Promise<boolean> {
  const source = random.pick(SOURCES);
  return Boolean(
    await client.write(demoCaller('police'), (api, headers) => api.incidents.POST('/api/v1/incidents', { headers, body: {
      unitCode: random.pick(units.communes).code,
      category: random.pick(CATEGORIES),
      source,
      occurredAt: new Date(Date.now() - random.int(1, 48) * 3_600_000).toISOString(),
      summary: random.pick(['Trộm cắp tài sản', 'Gây rối trật tự công cộng', 'Tranh chấp đất đai', 'Tai nạn giao thông', 'Đánh bạc ăn tiền']),
      ...(source === 'public-tip' ? { informant: { name: personName(random) } } : {}),
    } })),
  );
}

/** Takes one open case one step further, as the agency that owns the step. */
async function advanceCase(client: DemoClient, random: DemoRandom): Promise<boolean> {
  const page: Json = await client.read(demoCaller('police', 'analyst'), (api, headers) => api.incidents.GET('/api/v1/incidents', { params: { query: { status: random.pick(OPEN), limit: 20 } }, headers }));
  if (page.items.length === 0) return false;
  const incident: Json = await client.read(demoCaller('police', 'analyst'), (api, headers) => api.incidents.GET('/api/v1/incidents/{id}', { params: { path: { id: random.pick(page.items as Json[]).id } }, headers }));
  const step = random.pick(incident.nextActions as Json[]);
  if (!step) return false;
  const body: Incidents['TransitionIncidentDto'] = {
    action: step.action,
    note: 'Mô phỏng',
    ...(step.reasons ? { reason: step.reasons[0] } : {}),
    ...(step.action === 'record-verdict' ? { verdict: random.pick(['convicted', 'acquitted']), sentenceSummary: 'Phạt cải tạo không giam giữ 12 tháng' } : {}),
  };
  return Boolean(
    await client.write(demoCaller(step.agencies[0]), (api, headers) =>
      api.incidents.POST('/api/v1/incidents/{id}/transitions', { params: { path: { id: incident.id }, header: { 'If-Match': `"${incident.version}"` } }, headers, body }),
    ),
  );
}

async function recordActivity(client: DemoClient, random: DemoRandom, units: DemoUnits): Promise<boolean> {
  const page: Json = await client.read(demoCaller('fatherland-front', 'analyst'), (api, headers) => api.campaigns.GET('/api/v1/campaigns', { params: { query: { status: 'active', kind: 'movement', limit: 5 } }, headers }));
  const campaign = page.items?.[0];
  if (!campaign) return false;
  const total = random.int(20, 90);
  return Boolean(
    await client.write(demoCaller(campaign.leadAgency), (api, headers) => api.campaigns.POST('/api/v1/campaigns/{id}/activities', { params: { path: { id: campaign.id } }, headers, body: {
      kind: random.pick(['meeting', 'propaganda-session', 'patrol'] as const),
      heldOn: vietnamDate(new Date()),
      unitCode: random.pick(units.communes).code,
      organisingAgency: campaign.leadAgency,
      participants: { total, byGroup: { women: Math.floor(total / 3) } },
      notes: 'Hoạt động mô phỏng của phong trào',
    } })),
  );
}

async function main(): Promise<void> {
  const signing = tokenSigningFromEnv(process.env);
  const interval = Number(process.env['SIMULATE_INTERVAL_MS'] ?? 1000);
  const client = new DemoClient(serviceUrls(process.env), (caller) => issueToken(caller, signing));
  const random = new DemoRandom(Date.now());
  const units = await loadUnits(client);
  const counts = { incidents: 0, steps: 0, activities: 0, refused: 0 };
  process.stdout.write(`simulate: ${units.communes.length} communes, one action every ${interval} ms; Ctrl-C stops\n`);
  for (let tick = 1; ; tick += 1) {
    const roll = random.next();
    const refusedBefore = client.refused.length;
    try {
      if (roll < 0.5) counts.incidents += Number(await reportIncident(client, random, units));
      else if (roll < 0.9) counts.steps += Number(await advanceCase(client, random));
      else counts.activities += Number(await recordActivity(client, random, units));
    } catch (error) {
      process.stdout.write(`simulate: ${error instanceof Error ? error.message : String(error)} (is the platform running? npm start)\n`);
    }
    counts.refused += client.refused.length - refusedBefore;
    if (tick % 10 === 0) {
      process.stdout.write(`simulate: ${tick} actions — ${counts.incidents} incidents reported, ${counts.steps} case steps, ${counts.activities} activities, ${counts.refused} refused\n`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
