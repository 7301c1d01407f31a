import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot, serviceEnv, startServiceProcess } from '@binh-yen/testing';
import { callers, IncidentsUnderTest, informantKey, phuThoUnits, report, type Json } from './incidents-harness';

const run = promisify(execFile);

describe('incidents: who did each step (audit), and rotating the informant key', () => {
  const incidents = new IncidentsUnderTest();
  const oldKey = informantKey();
  const newKey = informantKey();
  let tip: Json;

  beforeAll(async () => {
    await incidents.start({ INCIDENTS_INFORMANT_KEY: oldKey });
    await incidents.publishUnits(phuThoUnits().events);
    tip = await incidents.report(report({ source: 'public-tip', informant: { name: 'Hoàng Thị Báo Tin', contact: '0987 111 222' } }));
  }, 180_000);

  afterAll(() => incidents.stop());

  it('answers an auditor with the full history of one incident: each step, who, which agency, before and after', async () => {
    let version: number = tip.version;
    for (const [action, caller] of [
      ['verify', callers.policeVietTri],
      ['start-investigation', callers.policeVietTri],
      ['refer-to-procuracy', callers.policeVietTri],
      ['indict', callers.procuracyVietTri],
    ] as const) {
      const answer = await incidents.call('POST', `/api/v1/incidents/${tip.id}/transitions`, { action }, { caller, headers: { 'if-match': `"${version}"` } });
      expect({ action, status: answer.status }).toEqual({ action, status: 200 });
      version = answer.body.version;
    }
    const { status, body } = await incidents.call('GET', `/api/v1/audit?entityType=incident&entityId=${tip.id}`, undefined, { caller: callers.auditor });
    expect(status).toBe(200);
    const history = (body.items as Json[]).map((entry) => ({ action: entry.action, subject: entry.subject, agency: entry.agency, to: entry.after?.status }));
    expect(history).toEqual(
      expect.arrayContaining([
        { action: 'incident.report', subject: callers.policeVietTri.subject, agency: 'police', to: 'reported' },
        { action: 'incident.transition', subject: callers.policeVietTri.subject, agency: 'police', to: 'verified' },
        { action: 'incident.transition', subject: callers.policeVietTri.subject, agency: 'police', to: 'under-investigation' },
        { action: 'incident.transition', subject: callers.policeVietTri.subject, agency: 'police', to: 'referred-to-procuracy' },
        { action: 'incident.transition', subject: callers.procuracyVietTri.subject, agency: 'procuracy', to: 'indicted' },
      ]),
    );
    expect(history).toHaveLength(5);
    expect(JSON.stringify(body)).not.toContain('Hoàng Thị Báo Tin');
    // Not for an officer: the audit trail is the auditors'.
    expect((await incidents.call('GET', `/api/v1/audit?entityType=incident&entityId=${tip.id}`, undefined, { caller: callers.policeVietTri })).status).toBe(403);
  });

  it('rotates the informant key: reseals every record with the new key, after which the old key is not needed', async () => {
    const keyIds = async (): Promise<string[]> => (await incidents.sql<{ key_id: string }>('SELECT DISTINCT key_id FROM incident_informants')).map((row) => row.key_id);
    const before = await keyIds();
    expect(before).toHaveLength(1);
    await incidents.service.stop();

    const env = { ...process.env, ...serviceEnv(incidents.database.url, incidents.topicPrefix), INCIDENTS_INFORMANT_KEY: newKey, INCIDENTS_INFORMANT_PREVIOUS_KEYS: oldKey };
    const { stdout } = await run('npm', ['run', '-s', 'incidents:reseal-informants'], { cwd: repoRoot(), env });
    expect(stdout).toMatch(/Resealed 1 informant record/);
    const after = await keyIds();
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);

    // Running it again moves nothing; the service now needs only the new key.
    expect((await run('npm', ['run', '-s', 'incidents:reseal-informants'], { cwd: repoRoot(), env })).stdout).toMatch(/Resealed 0 informant record/);
    incidents.service = await startServiceProcess({ service: 'incidents', label: `${incidents.label}-rotated`, env: serviceEnv(incidents.database.url, incidents.topicPrefix, { INCIDENTS_INFORMANT_KEY: newKey }) });
    const { status, body } = await incidents.call('GET', `/api/v1/incidents/${tip.id}/informant`, undefined, { caller: callers.policeProvinceLead });
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: 'Hoàng Thị Báo Tin', contact: '0987 111 222' });
  });
});
