import type { EventEnvelope } from './envelope';
import { IncidentEventTypes, type IncidentReportedV1 } from './events/incident-events';
import { assertValidEvent, checkEvent, EventContractError } from './validate-event';
import { uuidv7 } from './uuid-v7';

function reported(overrides: Partial<EventEnvelope<IncidentReportedV1>> = {}): EventEnvelope<IncidentReportedV1> {
  const incidentId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
  return {
    id: uuidv7(),
    type: IncidentEventTypes.reported,
    version: 1,
    occurredAt: '2026-07-01T03:00:00.000Z',
    aggregate: { type: 'incident', id: incidentId },
    sequence: 1,
    actor: { agency: 'police', subject: 'officer-1' },
    area: '25.227.07882',
    data: {
      incidentId,
      unitCode: '07882',
      category: 'theft',
      occurredAt: '2026-07-01T02:00:00.000Z',
      reportedAt: '2026-07-01T03:00:00.000Z',
      summary: 'Mất trộm xe máy tại chợ Việt Trì',
    },
    ...overrides,
  };
}

describe('event contracts', () => {
  it('accepts a valid event', () => {
    expect(checkEvent(reported(), 'producer')).toEqual({ ok: true, event: expect.any(Object) });
  });

  it('refuses an extra data field when producing but tolerates it when consuming', () => {
    const event = reported();
    const withExtra = { ...event, data: { ...event.data, futureField: 1 } };
    expect(checkEvent(withExtra, 'producer')).toMatchObject({ ok: false, kind: 'invalid-data' });
    expect(checkEvent(withExtra, 'consumer')).toMatchObject({ ok: true });
  });

  it('names the missing field', () => {
    const event = reported();
    const { summary: _summary, ...data } = event.data;
    const result = checkEvent({ ...event, data }, 'consumer');
    expect(result).toMatchObject({ ok: false, kind: 'invalid-data' });
    expect(!result.ok && result.reason).toContain('summary');
  });

  it('tells an unknown type from an unknown version', () => {
    expect(checkEvent(reported({ type: 'incident.teleported' }), 'consumer')).toMatchObject({ kind: 'unknown-type' });
    expect(checkEvent(reported({ version: 9 }), 'consumer')).toMatchObject({ kind: 'unknown-version' });
  });

  it('refuses an event filed under the wrong aggregate', () => {
    expect(checkEvent(reported({ aggregate: { type: 'unit', id: 'x' } }), 'producer')).toMatchObject({
      kind: 'invalid-envelope',
    });
  });

  it('throws a contract error for a producer', () => {
    expect(() => assertValidEvent(reported({ area: 'not a path!' }))).toThrow(EventContractError);
  });
});
