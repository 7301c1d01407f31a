import { eventCatalog } from './catalog';
import { envelopeSchema } from './envelope.schema';
import type { JsonSchema } from './json-schema';
import { AggregateTypes, deadLetterTopicFor, topicFor } from './topics';

/**
 * The event catalog as an AsyncAPI 3.0 document, generated from the contracts so
 * it can never drift from the code (CI regenerates it and compares).
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
      messages[name] = {
        name: definition.type,
        title: `${definition.type} (version ${definition.version})`,
        summary: definition.description,
        contentType: 'application/json',
        headers: {
          type: 'object',
          properties: {
            'event-id': { type: 'string', format: 'uuid' },
            'event-type': { const: definition.type },
            'event-version': { const: String(definition.version) },
            traceparent: { type: 'string' },
          },
        },
        payload: { allOf: [envelopeSchema, { type: 'object', properties: { type: { const: definition.type }, version: { const: definition.version }, data: definition.dataSchema } }] },
        bindings: { kafka: { key: { type: 'string', description: `the ${aggregate} id` }, bindingVersion: '0.5.0' } },
      };
      channelMessages[name] = { $ref: `#/components/messages/${name}` };
    }
    const topic = topicFor(aggregate);
    channels[aggregate] = {
      address: topic,
      description: `Every event of the ${aggregate} aggregate, keyed by its id (one aggregate's events stay in order in one partition). Unlimited retention. Dead letters: ${deadLetterTopicFor(topic)}.`,
      messages: channelMessages,
      bindings: { kafka: { topicConfiguration: { 'retention.ms': -1 }, bindingVersion: '0.5.0' } },
    };
    operations[`consume-${aggregate}`] = { action: 'receive', channel: { $ref: `#/channels/${aggregate}` } };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Bình Yên events',
      version: '1',
      description:
        'Events of the Bình Yên platform. Every message is an envelope (id UUIDv7, type, version, occurredAt, aggregate, sequence, actor, area = the unit path at the time, traceparent, data). Topic names take the deployment prefix (KAFKA_TOPIC_PREFIX). Readers should be tolerant: ignore unknown fields, record unknown types and versions.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
