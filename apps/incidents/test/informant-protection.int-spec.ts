import { topicFor } from '@binh-yen/contracts';
import { readTopic, waitFor } from '@binh-yen/testing';
import { callers, IncidentsUnderTest, phuThoUnits, report, type Json } from './incidents-harness';

/** Distinctive strings: if any of them turns up anywhere but the informant endpoint, it leaked. */
const NAME = 'Informant Zqxjv Lê Thị Bí Mật';
const CONTACT = 'zqxjv-0987-654-321@tinbao.example.vn';
const PHONE = '+84 98 765 4321 zqxjv';
const SECRETS = [NAME, CONTACT, PHONE, 'zqxjv', 'Zqxjv', 'ZQXJV'];
/** The exact spot of a tip: the service keeps it for its officers, events never carry it. */
const EXACT_SPOT = 'Ngõ 17 ngách Qpwoe nhà số 9';

function leaks(text: string): string[] {
  return SECRETS.filter((secret) => text.includes(secret) || text.normalize('NFD').includes(secret.normalize('NFD')));
}

describe('incidents: the informant of a public tip stays protected', () => {
  const incidents = new IncidentsUnderTest();
  const tips: Json[] = [];

  beforeAll(async () => {
    await incidents.start({ LOG_LEVEL: 'debug' });
    await incidents.publishUnits(phuThoUnits().events);
    const tip = (summary: string, informant: Record<string, string>) =>
      report({ source: 'public-tip', summary, locationText: EXACT_SPOT, coordinates: { latitude: 21.3227, longitude: 105.4019 }, informant });
    tips.push(await incidents.report(tip('Tố giác điểm mua bán ma túy', { name: NAME, contact: CONTACT })));
    tips.push(await incidents.report(tip('Tố giác nhóm cờ bạc ăn tiền', { name: NAME, contact: PHONE })));
    // Retried with the same key, and a stale and a refused step: every path a log line could take.
    const headers = { 'idempotency-key': 'tip-retry-0001' };
    const body = tip('Tố giác đối tượng trộm cắp', { name: NAME });
    tips.push((await incidents.call('POST', '/api/v1/incidents', body, { headers })).body);
    await incidents.call('POST', '/api/v1/incidents', body, { headers });
    await incidents.call('POST', '/api/v1/incidents', { ...body, informant: { name: NAME, contact: CONTACT, address: NAME } });
    await incidents.call('POST', '/api/v1/incidents', { ...body, source: 'patrol' });
    await incidents.call('POST', '/api/v1/incidents', { ...body, unitCode: '99999' });
    await incidents.call('POST', '/api/v1/incidents', { ...body, informant: { name: '', contact: CONTACT } });
    const verified = await incidents.step(tips[0].id, 1, { action: 'verify' }, callers.policeVietTri);
    await incidents.step(tips[0].id, verified.body.version, { action: 'start-investigation' }, callers.policeVietTri);
    await incidents.step(tips[0].id, 1, { action: 'start-investigation' }, callers.policeVietTri);
    await incidents.call('POST', `/api/v1/incidents/${tips[1].id}/transfer`, { toUnitCode: '07885' }, { headers: { 'if-match': '"1"' } });
    await waitFor(async () => (await incidents.sql<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`))[0]!.n, (n) => Number(n) === 0, {
      timeoutMs: 60_000,
      description: 'the relay to publish the outbox',
    });
  });

  afterAll(() => incidents.stop());

  it('gives the informant to the roles that need it, and audits the reading', async () => {
    const { status, body, headers } = await incidents.call('GET', `/api/v1/incidents/${tips[0].id}/informant`, undefined, { caller: callers.policeProvinceLead });
    expect(status).toBe(200);
    expect(body).toEqual({ incidentId: tips[0].id, name: NAME, contact: CONTACT });
    expect(headers.get('cache-control')).toBe('no-store');
    const audit = await incidents.sql<{ action: string; subject: string }>(`SELECT action, subject FROM audit_log WHERE action = 'incident.informant.read'`);
    expect(audit).toEqual([{ action: 'incident.informant.read', subject: callers.policeProvinceLead.subject }]);
  });

  it('refuses the informant to every other role and agency with 403', async () => {
    for (const caller of [callers.analyst, callers.policeVietTri, callers.courtClerk, callers.auditor, callers.press, callers.administrator]) {
      const response = await incidents.call('GET', `/api/v1/incidents/${tips[0].id}/informant`, undefined, { caller });
      expect([caller.subject, response.status]).toEqual([caller.subject, 403]);
      expect(leaks(JSON.stringify(response.body))).toEqual([]);
    }
  });

  it('keeps it encrypted at rest, apart from the incident, and nowhere else in the database', async () => {
    const sealed = await incidents.sql<{ ciphertext: Buffer; iv: Buffer }>(`SELECT ciphertext, iv FROM incident_informants`);
    expect(sealed).toHaveLength(3);
    for (const row of sealed) {
      expect(leaks(row.ciphertext.toString('utf8'))).toEqual([]);
      expect(leaks(row.ciphertext.toString('latin1'))).toEqual([]);
      expect(row.iv).toHaveLength(12);
    }
    for (const table of ['incidents', 'incident_history', 'audit_log', 'idempotency_keys', 'outbox']) {
      const rows = await incidents.sql<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${table} t`);
      const text = rows.map((row) => row.row).join('\n');
      expect([table, leaks(text)]).toEqual([table, []]);
      if (table === 'outbox') expect(text).not.toContain('Qpwoe');
    }
  });

  it('never puts it, nor the exact location of a tip, in any event on any topic', async () => {
    const topics = ['incident', 'audit'] as const;
    let events = 0;
    for (const topic of topics) {
      const messages = await readTopic(topicFor(topic, incidents.topicPrefix));
      events += messages.length;
      const text = messages.map((message) => `${JSON.stringify(message.headers)} ${message.value?.toString('utf8') ?? ''}`).join('\n');
      expect([topic, leaks(text)]).toEqual([topic, []]);
      expect(text).not.toContain('Qpwoe');
      expect(text).not.toContain('21.3227');
      expect(text).not.toContain('105.4019');
    }
    expect(events).toBeGreaterThanOrEqual(12);
  });

  it('never writes it to the service’s logs (debug level)', () => {
    const logs = incidents.logs();
    expect(logs.length).toBeGreaterThan(0);
    expect(leaks(logs)).toEqual([]);
    expect(logs).not.toContain('Qpwoe');
  });

  it('never shows it in lists, searches, cases, timelines or the audit trail of roles without the right', async () => {
    const reads: [typeof callers.analyst, string][] = [
      [callers.analyst, '/api/v1/incidents?limit=200'],
      [callers.analyst, '/api/v1/incidents?source=public-tip'],
      [callers.analyst, `/api/v1/incidents?q=${encodeURIComponent(NAME)}`],
      [callers.analyst, '/api/v1/incidents?q=zqxjv'],
      [callers.courtClerk, `/api/v1/incidents/${tips[0].id}`],
      [callers.analyst, `/api/v1/incidents/${tips[0].id}/timeline`],
      [callers.analyst, `/api/v1/incidents/${tips[1].id}`],
      [callers.auditor, '/api/v1/audit?limit=500'],
    ];
    for (const [caller, path] of reads) {
      const response = await incidents.call('GET', path, undefined, { caller });
      expect([path, response.status]).toEqual([path, 200]);
      const text = JSON.stringify(response.body);
      expect([path, leaks(text)]).toEqual([path, []]);
    }
    const searchByName = await incidents.call('GET', `/api/v1/incidents?q=${encodeURIComponent('Lê Thị Bí Mật')}`, undefined, { caller: callers.analyst });
    expect(searchByName.body.items).toEqual([]);
    const item = (await incidents.call('GET', `/api/v1/incidents/${tips[0].id}`, undefined, { caller: callers.analyst })).body;
    expect(item).toMatchObject({ hasInformant: true, source: 'public-tip' });
  });
});
