import type { EventEnvelope } from '@binh-yen/contracts';
import { waitFor } from '@binh-yen/testing';
import { callers, hoursAgo, IncidentsUnderTest, phuThoUnits, report, type Json } from './incidents-harness';

const INCIDENTS = 1_000;
const CONCURRENCY = 16;
/** Every fifth incident is also verified and put under investigation, racing the reports of others. */
const FOLLOWED = (index: number): boolean => index % 5 === 0;

/** Runs `work` over 0..n-1 with at most `limit` at once. */
async function pool(n: number, limit: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) await work(next++);
    }),
  );
}

describe('incidents: 1,000 reports over HTTP reach Kafka, each incident’s events in order', () => {
  const incidents = new IncidentsUnderTest();

  beforeAll(async () => {
    await incidents.start();
    await incidents.publishUnits(phuThoUnits().events);
  });

  afterAll(() => incidents.stop());

  it('publishes every report once, and report → verified → investigation-started in order per incident', async () => {
    const units = ['07882', '07885', '07888', '0788201'];
    const categories = ['criminal-offence', 'traffic-order', 'gambling', 'drugs', 'dispute-complaint'];
    const ids: string[] = new Array(INCIDENTS);
    const started = Date.now();
    await pool(INCIDENTS, CONCURRENCY, async (index) => {
      const created: Json = await incidents.report(
        report({ unitCode: units[index % units.length], category: categories[index % categories.length], occurredAt: hoursAgo(1 + (index % 48)), summary: `Vụ việc số ${index} (${index * 7919})` }),
      );
      ids[index] = created.id;
      if (FOLLOWED(index)) {
        const verified = await incidents.step(created.id, 1, { action: 'verify' }, callers.policeVietTri);
        expect(verified.status).toBe(200);
        expect((await incidents.step(created.id, 2, { action: 'start-investigation' }, callers.policeVietTri)).status).toBe(200);
      }
    });
    process.stdout.write(`[incidents-throughput] ${INCIDENTS} reports (+${INCIDENTS / 5 * 2} steps) over HTTP in ${Date.now() - started} ms\n`);

    await waitFor(async () => (await incidents.sql<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`))[0]!.n, (n) => Number(n) === 0, {
      timeoutMs: 120_000,
      description: 'the relay to publish every event',
    });
    const events: EventEnvelope[] = await incidents.incidentEvents();
    const byIncident = new Map<string, EventEnvelope[]>();
    for (const event of events) byIncident.set(event.aggregate.id, [...(byIncident.get(event.aggregate.id) ?? []), event]);

    expect(events.filter((event) => event.type === 'incident.reported')).toHaveLength(INCIDENTS);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    expect(byIncident.size).toBe(INCIDENTS);
    ids.forEach((id, index) => {
      const own = byIncident.get(id)!;
      const expected = FOLLOWED(index) ? ['incident.reported', 'incident.verified', 'incident.investigation-started'] : ['incident.reported'];
      expect([index, own.map((event) => event.type)]).toEqual([index, expected]);
      expect(own.map((event) => event.sequence)).toEqual(expected.map((_, position) => position + 1));
    });
  }, 600_000);
});
