import { IncidentEventTypes, UnitEventTypes, uuidv7, type EventEnvelope, type IncidentReportedV1, type UnitKind, type UnitRegisteredV1 } from '@binh-yen/contracts';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { testBrokers } from './infrastructure-env';

/** A contract-valid `unit.registered` event, as the units service would publish it. */
export function unitRegistered(unit: {
  code: string;
  name: string;
  path: string;
  kind?: UnitKind;
  subkind?: string;
  unitId?: string;
  parentId?: string | null;
}): EventEnvelope<UnitRegisteredV1> {
  const unitId = unit.unitId ?? uuidv7();
  return {
    id: uuidv7(),
    type: UnitEventTypes.registered,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregate: { type: 'unit', id: unitId },
    sequence: 1,
    actor: { agency: 'people-committee', subject: 'test-registrar' },
    area: unit.path,
    data: {
      unitId,
      code: unit.code,
      name: unit.name.normalize('NFC'),
      kind: unit.kind ?? 'commune',
      subkind: unit.subkind ?? 'ward',
      parentId: unit.parentId ?? null,
      path: unit.path,
      effectiveFrom: '1998-01-01',
      predecessorIds: [],
    },
  };
}

/** A contract-valid `incident.reported` v1 event (the form every reader still takes), for load on the reporting projections. */
export function incidentReported(report: { area: string; category: string; occurredAt: string; recordedAt?: Date }): EventEnvelope<IncidentReportedV1> {
  const incidentId = uuidv7();
  return {
    id: uuidv7(),
    type: IncidentEventTypes.reported,
    version: 1,
    occurredAt: (report.recordedAt ?? new Date()).toISOString(),
    aggregate: { type: 'incident', id: incidentId },
    sequence: 1,
    actor: { agency: 'police', subject: 'test-reporter' },
    area: report.area,
    data: { incidentId, unitCode: report.area.split('.').at(-1)!, category: report.category, occurredAt: report.occurredAt, reportedAt: report.occurredAt, summary: 'Vụ việc thử' },
  };
}

/**
 * Publishes events to a topic keyed by aggregate id, as the relay would (for consumers under test);
 * `partition` puts them all on one partition, in order (a test that needs one sequence).
 */
export async function publishEvents(topic: string, events: readonly EventEnvelope[], brokers = testBrokers(), partition?: number): Promise<void> {
  const producer = new Kafka({ clientId: 'test-publisher', brokers, logLevel: logLevel.NOTHING }).producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: events.map((event) => ({
        ...(partition === undefined ? {} : { partition }),
        key: event.aggregate.id,
        value: JSON.stringify(event),
        headers: { 'event-id': event.id, 'event-type': event.type, 'event-version': String(event.version) },
      })),
    });
  } finally {
    await producer.disconnect();
  }
}
