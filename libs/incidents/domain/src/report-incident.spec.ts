import { IncidentRuleViolation } from './incident-rule-violation';
import { reportIncident } from './report-incident';

const now = new Date('2026-07-01T03:00:00Z');
const report = { unitCode: '07882', category: 'theft', occurredAt: new Date('2026-07-01T01:00:00Z'), summary: 'Mất trộm xe máy' };

describe('reportIncident', () => {
  it('starts the lifecycle as reported, at version 1, from an agency report unless told', () => {
    expect(reportIncident(report, 'id-1', now)).toMatchObject({
      id: 'id-1',
      status: 'reported',
      version: 1,
      reportedAt: now,
      source: 'agency-report',
      people: { suspects: 0, victims: 0, injured: 0, deaths: 0 },
      informant: null,
    });
  });

  it('stores the summary in NFC', () => {
    const decomposed = 'Vie\u0302\u0323t Tri\u0300';
    expect(reportIncident({ ...report, summary: decomposed }, 'id-1', now).summary).toBe('Việt Trì');
  });

  it('refuses an incident that has not happened yet', () => {
    const future = { ...report, occurredAt: new Date('2026-07-01T04:00:00Z') };
    expect(() => reportIncident(future, 'id-1', now)).toThrow(IncidentRuleViolation);
  });

  it('tolerates a device clock a little ahead', () => {
    const slightlyAhead = { ...report, occurredAt: new Date('2026-07-01T03:02:00Z') };
    expect(reportIncident(slightlyAhead, 'id-1', now).status).toBe('reported');
  });

  it('refuses a report received before the incident happened', () => {
    const error = captured(() => reportIncident({ ...report, reportedAt: new Date('2026-06-30T00:00:00Z') }, 'id-1', now));
    expect((error as IncidentRuleViolation).field).toBe('reportedAt');
  });

  it('keeps an informant only on a public tip', () => {
    const informant = { name: ' Nguyễn  Văn A ', contact: '0912 345 678' };
    expect(reportIncident({ ...report, source: 'public-tip', informant }, 'id-1', now).informant).toEqual({ name: 'Nguyễn Văn A', contact: '0912 345 678' });
    const error = captured(() => reportIncident({ ...report, source: 'patrol', informant }, 'id-1', now));
    expect((error as IncidentRuleViolation).field).toBe('informant');
  });
});

function captured(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
