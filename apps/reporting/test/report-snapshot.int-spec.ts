import { topicFor, type EventEnvelope } from '@binh-yen/contracts';
import {
  bearer,
  consumerStates,
  createTestDatabase,
  incidentReported,
  provincialAnalyst,
  publishEvents,
  serviceEnv,
  startServiceProcess,
  testBrokers,
  uniqueTopicPrefix,
  waitFor,
  type ServiceProcess,
  type TestDatabase,
} from '@binh-yen/testing';

interface Watermarked {
  lastEventAt: string | null;
  lag: number | null;
}

interface Observation {
  total: number;
  asOf: Watermarked;
  /** Events the test had published before it asked. */
  publishedBefore: number;
}

/**
 * A report answer and its "current as of" come from one snapshot (issue 24): while a backlog
 * is applied, every answer's figures are exactly the events up to its watermark, never fewer
 * (a watermark ahead of its figures) nor more (a watermark behind them).
 */
describe('a report read while a backlog is applied', () => {
  const prefix = uniqueTopicPrefix();
  let database: TestDatabase;
  let reporting: ServiceProcess;
  const quarter = '2026-Q2';

  beforeAll(async () => {
    database = await createTestDatabase('reporting');
    reporting = await startServiceProcess({ service: 'reporting', env: serviceEnv(database.url, prefix) });
    await waitFor(() => consumerStates(reporting.url), (states) => states.length > 0 && states.every((s) => s.state === 'running'), { timeoutMs: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await reporting?.stop();
    await database?.drop();
  });

  /** Incident reports, each recorded a millisecond after the one before, all of one quarter and area. */
  const backlog = (count: number, start: number): EventEnvelope[] =>
    Array.from({ length: count }, (_, index) => incidentReported({ area: '25.227.07882', category: 'drugs', occurredAt: '2026-05-10T03:00:00Z', recordedAt: new Date(start + index) }));

  it('never shows a watermark later or earlier than its figures, and no lag while figures are missing', async () => {
    const events = backlog(4_000, Date.now() - 3_600_000);
    // One partition: what was applied is always a prefix of the backlog, so the watermark tells exactly which events count.
    let published = 0;
    const publishing = (async () => {
      for (let at = 0; at < events.length; at += 100) {
        const burst = events.slice(at, at + 100);
        await publishEvents(topicFor('incident', prefix), burst, testBrokers(), 0);
        published += burst.length;
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    })();

    const headers = { authorization: await bearer(provincialAnalyst) };
    const counts: Observation[] = [];
    const reports: Observation[] = [];
    for (let round = 0; ; round += 1) {
      const publishedBefore = published;
      if (round % 2 === 0) {
        const answer = (await (await fetch(`${reporting.url}/api/v1/reports/incident-counts?quarter=${quarter}&area=25`, { headers })).json()) as { total: number; currentAsOf: Watermarked };
        counts.push({ total: answer.total, asOf: answer.currentAsOf, publishedBefore });
      } else {
        const answer = (await (await fetch(`${reporting.url}/api/v1/reports/quarterly?quarter=${quarter}&area=25`, { headers })).json()) as {
          sections: { key: string; rows: { current: number }[] }[];
          currentAsOf: Record<string, Watermarked>;
        };
        reports.push({ total: answer.sections.find((section) => section.key === 'incidents')!.rows[0]!.current, asOf: answer.currentAsOf['incidents']!, publishedBefore });
      }
      const last = (round % 2 === 0 ? counts : reports).at(-1)!;
      if (last.total === events.length && published === events.length) break;
      if (round > 5_000) throw new Error('the backlog was never applied');
    }
    await publishing;

    const upTo = (watermark: string | null): number => (watermark === null ? 0 : events.filter((event) => event.occurredAt <= watermark).length);
    for (const [name, observations] of [['incident counts', counts], ['quarterly report', reports]] as const) {
      const inconsistent = observations.filter((observation) => observation.total !== upTo(observation.asOf.lastEventAt));
      expect({ name, inconsistent: inconsistent.slice(0, 3).map((o) => ({ total: o.total, eventsUpToWatermark: upTo(o.asOf.lastEventAt) })) }).toEqual({ name, inconsistent: [] });
      // "No lag" is only said of figures that hold everything published before the question.
      const early = observations.filter((observation) => observation.asOf.lag === 0 && observation.total < observation.publishedBefore);
      expect({ name, early: early.length }).toEqual({ name, early: 0 });
      // The reads really interleaved with the applying.
      expect(observations.filter((observation) => observation.total > 0 && observation.total < events.length).length).toBeGreaterThan(3);
    }
  });
});
