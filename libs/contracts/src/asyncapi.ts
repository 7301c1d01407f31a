import { eventCatalog } from './catalog';
import { envelopeSchema } from './envelope.schema';
import { exampleEvent } from './example-events';
import type { JsonSchema } from './json-schema';
import { AggregateTypes, deadLetterTopicFor, topicFor, type AggregateType } from './topics';

/** Who writes and who reads each topic: the services' outboxes and the projections (ADR 0047). */
export const eventTopology = {
  producers: {
    units: ['unit', 'model', 'audit'],
    incidents: ['incident', 'taxonomy', 'audit'],
    campaigns: ['campaign', 'agreement', 'recognition', 'audit'],
  } satisfies Record<string, AggregateType[]>,
  // The event types each applies (others on its topics pass by unapplied): the same lists as its
  // @EventPattern; tools/events/asyncapi-topology.spec.ts fails when the two part.
  projections: [
    { service: 'reporting', name: 'incident-counts', topics: ['incident'], eventTypes: ['incident.reported', 'incident.transferred'] },
    {
      service: 'reporting',
      name: 'case-pipeline',
      topics: ['incident'],
      eventTypes: [
        'incident.reported',
        'incident.transferred',
        'incident.verified',
        'incident.rejected',
        'incident.investigation-started',
        'incident.resolved-at-grassroots',
        'incident.referred-to-procuracy',
        'incident.indicted',
        'incident.returned-for-investigation',
        'incident.not-prosecuted',
        'incident.tried',
        'incident.closed',
      ],
    },
    {
      service: 'reporting',
      name: 'movement',
      topics: ['unit', 'model'],
      eventTypes: [
        'unit.registered', 'unit.renamed', 'unit.moved', 'unit.merged', 'unit.split', 'unit.dissolved',
        'unit.rated',
        'unit.certified',
        'unit.certification-revoked',
        'unit.hotspot-designated',
        'unit.pilot-designated',
        'unit.force-registered',
        'unit.training-recorded',
        'model.registered',
        'model.reviewed',
        'model.recognised-advanced',
        'model.replicated',
      ],
    },
    {
      service: 'reporting',
      name: 'campaign-figures',
      topics: ['campaign', 'agreement', 'recognition'],
      eventTypes: [
        'campaign.launched',
        'campaign.activated',
        'campaign.closed',
        'campaign.activity-recorded',
        'campaign.pledge-recorded',
        'campaign.reviewed',
        'agreement.signed',
        'story.published',
        'commendation.awarded',
      ],
    },
    { service: 'reporting', name: 'taxonomy-names', topics: ['taxonomy'], eventTypes: ['taxonomy.domain-changed', 'taxonomy.category-changed'] },
    { service: 'incidents, campaigns', name: 'known-units', topics: ['unit'], eventTypes: ['unit.registered', 'unit.renamed', 'unit.moved', 'unit.merged', 'unit.split', 'unit.dissolved'] },
  ] satisfies { service: string; name: string; topics: AggregateType[]; eventTypes: string[] }[],
} as const;

/** The topics' shape as created by `npm run topics:create` and the services (KAFKA_PARTITIONS). */
export const TOPIC_PARTITIONS = 6;
const KAFKA_BINDING = '0.5.0';
/** CloudEvents 1.0, Kafka protocol binding, binary mode: the ce_* headers every record carries. */
export const CLOUDEVENTS_SOURCE_PREFIX = 'urn:binh-yen:service:';

export function cloudEventType(type: string, version: number): string {
  return `vn.binh-yen.${type}.v${version}`;
}

function headersOf(type: string, version: number): JsonSchema {
  return {
    type: 'object',
    required: ['event-id', 'event-type', 'event-version', 'ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'ce_subject', 'content-type'],
    properties: {
      'event-id': { type: 'string', format: 'uuid', description: 'The envelope’s id (UUIDv7)' },
      'event-type': { const: type },
      'event-version': { const: String(version) },
      traceparent: { type: 'string', description: 'W3C trace context of the send (when traced; a Kafka client instrumentation may write its own)' },
      'event-traceparent': { type: 'string', description: 'W3C trace context of the platform’s publish span (when traced): continue the event’s trace from it' },
      ce_specversion: { const: '1.0' },
      ce_id: { type: 'string', format: 'uuid', description: 'Equals event-id and the envelope’s id: deduplicate on it' },
      ce_source: { type: 'string', description: `The producing service, ${CLOUDEVENTS_SOURCE_PREFIX}<service>` },
      ce_type: { const: cloudEventType(type, version) },
      ce_time: { type: 'string', format: 'date-time', description: 'The envelope’s occurredAt' },
      ce_subject: { type: 'string', description: 'The aggregate id: the record key' },
      'content-type': { const: 'application/json' },
    },
  };
}

function exampleHeaders(definition: (typeof eventCatalog)[number], service: string, event: ReturnType<typeof exampleEvent>): Record<string, string> {
  return {
    'event-id': event.id,
    'event-type': definition.type,
    'event-version': String(definition.version),
    ce_specversion: '1.0',
    ce_id: event.id,
    ce_source: `${CLOUDEVENTS_SOURCE_PREFIX}${service}`,
    ce_type: cloudEventType(definition.type, definition.version),
    ce_time: event.occurredAt,
    ce_subject: event.aggregate.id,
    'content-type': 'application/json',
  };
}

/** The service whose outbox writes an aggregate's topic (audit: each; the first is named in examples). */
function producerOf(aggregate: AggregateType): string {
  return Object.entries(eventTopology.producers).find(([, aggregates]) => (aggregates as readonly string[]).includes(aggregate))![0];
}

/**
 * The event catalog as an AsyncAPI 3.0 document, generated from the contracts so it can never
 * drift from the code (a test regenerates it and compares; the official parser validates it).
 */
export function asyncApiDocument(): JsonSchema {
  const channels: JsonSchema = {};
  const messages: JsonSchema = {};
  const operations: JsonSchema = {};
  for (const aggregate of Object.values(AggregateTypes)) {
    const definitions = eventCatalog.filter((definition) => definition.aggregateType === aggregate);
    const channelMessages: JsonSchema = {};
    for (const definition of definitions) {
      const name = `${definition.type}.v${definition.version}`;
      const example = exampleEvent(definition);
      messages[name] = {
        name: definition.type,
        title: `${definition.type} (version ${definition.version})`,
        summary: definition.description,
        contentType: 'application/json',
        headers: headersOf(definition.type, definition.version),
        payload: { allOf: [envelopeSchema, { type: 'object', properties: { type: { const: definition.type }, version: { const: definition.version }, data: definition.dataSchema } }] },
        correlationId: { description: 'The event id, also in the event-id and ce_id headers', location: '$message.payload#/id' },
        bindings: { kafka: { key: { type: 'string', format: 'uuid', description: `The ${aggregate} id (aggregate.id): all events of one ${aggregate} share a partition, in order` }, bindingVersion: KAFKA_BINDING } },
        examples: [{ name: `${definition.type}-v${definition.version}`, summary: `A ${definition.type} event, version ${definition.version}`, headers: exampleHeaders(definition, producerOf(aggregate), example), payload: example }],
      };
      channelMessages[name] = { $ref: `#/components/messages/${name}` };
    }
    const topic = topicFor(aggregate);
    channels[aggregate] = {
      address: topic,
      title: `${aggregate} events`,
      description: `Every event of the ${aggregate} aggregate. Key = the aggregate id, so one ${aggregate}'s events stay in order in one partition (no order across keys). Retention unlimited: replay from the earliest offset rebuilds everything. Topic names take the deployment's prefix (KAFKA_TOPIC_PREFIX). Dead letters of its consumers: ${deadLetterTopicFor(topic)}.`,
      messages: channelMessages,
      bindings: { kafka: { topic, partitions: TOPIC_PARTITIONS, replicas: 3, topicConfiguration: { 'cleanup.policy': ['delete'], 'retention.ms': -1 }, bindingVersion: KAFKA_BINDING } },
    };
    channels[`${aggregate}-dlq`] = {
      address: deadLetterTopicFor(topic),
      title: `${aggregate} dead letters`,
      description: `Records a projection of ours could not apply, as they were (key, value, headers) plus dlq-consumer, dlq-reason-kind, dlq-reason, dlq-source-topic, dlq-source-partition and dlq-source-offset headers. For the operators; integrators need not read it.`,
      messages: channelMessages,
      bindings: { kafka: { topic: deadLetterTopicFor(topic), partitions: TOPIC_PARTITIONS, replicas: 3, topicConfiguration: { 'cleanup.policy': ['delete'], 'retention.ms': -1 }, bindingVersion: KAFKA_BINDING } },
    };
  }
  for (const [service, aggregates] of Object.entries(eventTopology.producers)) {
    for (const aggregate of aggregates) {
      operations[`${service}-sends-${aggregate}`] = {
        action: 'send',
        title: `${service} publishes ${aggregate} events`,
        description: `From its transactional outbox: an event exists exactly when the change that caused it was committed; delivered at least once (deduplicate on ce_id), in order per key.`,
        channel: { $ref: `#/channels/${aggregate}` },
        messages: eventCatalog.filter((definition) => definition.aggregateType === aggregate).map((definition) => ({ $ref: `#/channels/${aggregate}/messages/${definition.type}.v${definition.version}` })),
        bindings: { kafka: { clientId: { type: 'string', const: `binh-yen-${service}` }, bindingVersion: KAFKA_BINDING } },
      };
    }
  }
  for (const projection of eventTopology.projections) {
    for (const aggregate of projection.topics) {
      operations[`${projection.name}-receives-${aggregate}`] = {
        action: 'receive',
        title: `The ${projection.name} projection (${projection.service}) reads ${aggregate} events`,
        description: 'Exactly once: the offsets are committed in the same database transaction as the projection’s rows. The messages listed are those it applies; other events on the topic pass by unapplied.',
        channel: { $ref: `#/channels/${aggregate}` },
        messages: eventCatalog
          .filter((definition) => definition.aggregateType === aggregate && (projection.eventTypes as readonly string[]).includes(definition.type))
          .map((definition) => ({ $ref: `#/channels/${aggregate}/messages/${definition.type}.v${definition.version}` })),
        bindings: { kafka: { groupId: { type: 'string', description: `The projection’s consumer group (its name and version, after the deployment prefix)` }, bindingVersion: KAFKA_BINDING } },
      };
    }
  }
  return {
    asyncapi: '3.0.0',
    id: 'urn:binh-yen:events',
    info: {
      title: 'Bình Yên events',
      version: '1',
      description:
        'Events of the Bình Yên platform. Every record’s value is an envelope (id UUIDv7, type, version, occurredAt, aggregate, sequence, actor, area = the unit path at the time, traceparent, data); its headers carry the CloudEvents 1.0 Kafka binding in binary mode (ce_*) beside event-id, event-type, event-version, traceparent and event-traceparent. Readers should be tolerant: ignore unknown fields, record unknown types and versions. How to get access: docs/integration.md.',
      contact: { name: 'Bình Yên platform team (see docs/integration.md)' },
      license: { name: 'Proprietary: for the agencies granted access to the platform' },
      tags: [{ name: 'cloudevents' }, { name: 'transactional-outbox' }],
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: 'localhost:9092',
        protocol: 'kafka',
        title: 'Local broker',
        description: 'The one-broker KRaft cluster of `npm run kafka:start` (PLAINTEXT, no authentication); for development only.',
      },
      cluster: {
        host: '{bootstrap}',
        protocol: 'kafka-secure',
        title: 'Production cluster',
        description: 'Three brokers; TLS (the platform CA) and SASL/SCRAM-SHA-512; each client reads only the topics its ACLs grant (ADR 0035, docs/integration.md).',
        variables: { bootstrap: { default: 'kafka-0.kafka:9093', description: 'A bootstrap broker given to the agency with its credentials' } },
        security: [{ $ref: '#/components/securitySchemes/scram' }],
        bindings: { kafka: { bindingVersion: KAFKA_BINDING } },
      },
    },
    channels,
    operations,
    components: {
      messages,
      securitySchemes: {
        scram: { type: 'scramSha512', description: 'SASL/SCRAM-SHA-512 over TLS (security.protocol=SASL_SSL): the user and password issued to the agency’s client id.' },
      },
    },
  };
}
