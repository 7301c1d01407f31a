// An agency's consumer, written from the published catalog alone (docs/integration.md): it reads
// docs/events/asyncapi.json, finds the topic of the channel it was granted, checks each record
// against the catalog's schema for its type and version, deduplicates on ce_id, and hands it on.
// Plain kafkajs and Ajv; nothing of the platform's own code.
//
//   node -r @swc-node/register tools/examples/catalog-consumer.ts incident
//   (KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, KAFKA_GROUP_ID; the local server of the catalog by default)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

type Json = { [key: string]: unknown };

export interface CatalogEvent {
  /** ce_type, e.g. vn.binh-yen.incident.reported.v1 */
  cloudEventType: string;
  id: string;
  subject: string;
  source: string;
  time: string;
  key: string;
  partition: number;
  envelope: Json;
}

export interface ConsumerOptions {
  catalog: Json;
  /** The channel granted (an aggregate: unit, incident, campaign, …). */
  channel: string;
  brokers?: string[];
  topicPrefix?: string;
  groupId: string;
  onEvent(event: CatalogEvent): void | Promise<void>;
  /** A record the catalog does not describe (unknown type or version, or not matching its schema). */
  onUnknown?(reason: string, headers: Record<string, string>): void;
  /** A record seen before (same ce_id), skipped. */
  onDuplicate?(id: string): void;
}

/** The catalog's schemas of a channel's messages, by `event-type` + `event-version` header values. */
function schemasOf(catalog: Json, channel: Json): Map<string, ValidateFunction> {
  // A tolerant reader: fields the catalog does not (yet) describe are dropped, not refused.
  const ajv = new Ajv({ strict: false, allErrors: true, removeAdditional: true });
  addFormats(ajv);
  const messages = (catalog['components'] as Json)['messages'] as Record<string, Json>;
  const byVersion = new Map<string, ValidateFunction>();
  for (const reference of Object.values(channel['messages'] as Record<string, { $ref: string }>)) {
    const message = messages[reference.$ref.split('/').pop()!]!;
    const headers = (message['headers'] as Json)['properties'] as Record<string, { const?: string }>;
    byVersion.set(`${headers['event-type']!.const}@${headers['event-version']!.const}`, ajv.compile(message['payload'] as Json));
  }
  return byVersion;
}

/** The local server of the catalog, unless KAFKA_BROKERS says otherwise. */
function brokersOf(catalog: Json, given?: string[]): string[] {
  if (given && given.length > 0) return given;
  return [((catalog['servers'] as Record<string, { host: string }>)['local']!).host];
}

export async function consumeFromCatalog(options: ConsumerOptions): Promise<Consumer> {
  const channel = (options.catalog['channels'] as Record<string, Json>)[options.channel];
  if (!channel) throw new Error(`the catalog has no channel ${options.channel}`);
  const topic = `${options.topicPrefix ?? ''}${channel['address'] as string}`;
  const schemas = schemasOf(options.catalog, channel);
  const seen = new Set<string>();
  const kafka = new Kafka({ clientId: options.groupId, brokers: brokersOf(options.catalog, options.brokers), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: options.groupId });
  await consumer.connect();
  // Unlimited retention: from the beginning is the whole history (replay = a new group).
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
      const validate = schemas.get(`${headers['event-type']}@${headers['event-version']}`);
      if (!validate) return options.onUnknown?.(`unknown type or version ${headers['ce_type']}`, headers);
      const envelope = JSON.parse(message.value?.toString() ?? 'null') as Json;
      if (!validate(envelope)) return options.onUnknown?.(`does not match the catalog: ${JSON.stringify(validate.errors)}`, headers);
      // At least once: the same ce_id may come again.
      if (seen.has(headers['ce_id']!)) return options.onDuplicate?.(headers['ce_id']!);
      seen.add(headers['ce_id']!);
      await options.onEvent({
        cloudEventType: headers['ce_type']!,
        id: headers['ce_id']!,
        subject: headers['ce_subject']!,
        source: headers['ce_source']!,
        time: headers['ce_time']!,
        key: message.key?.toString() ?? '',
        partition,
        envelope,
      });
    },
  });
  return consumer;
}

export function publishedCatalog(): Json {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'events', 'asyncapi.json'), 'utf8')) as Json;
}

if (require.main === module) {
  const channel = process.argv[2] ?? 'incident';
  consumeFromCatalog({
    catalog: publishedCatalog(),
    channel,
    brokers: process.env['KAFKA_BROKERS']?.split(','),
    topicPrefix: process.env['KAFKA_TOPIC_PREFIX'],
    groupId: process.env['KAFKA_GROUP_ID'] ?? `example-agency.${channel}`,
    onEvent: (event) => void process.stdout.write(`${event.time} ${event.cloudEventType} ${event.subject} (${event.id})\n`),
    onUnknown: (reason) => void process.stderr.write(`skipped: ${reason}\n`),
  }).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
