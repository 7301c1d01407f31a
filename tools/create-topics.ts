// Creates every topic (and its .dlq) explicitly: KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, KAFKA_PARTITIONS,
// over TLS/SASL when KAFKA_SSL / KAFKA_SASL_* say so (the same variables as the services).
import { allTopics } from '@binh-yen/contracts';
import { KafkaSecurityEnv, kafkaSecuritySettingsOf, loadEnv } from '@binh-yen/http';
import { createKafka, ensureTopics, readKafkaSecurity } from '@binh-yen/messaging';

async function main(): Promise<void> {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092').split(',');
  const prefix = process.env['KAFKA_TOPIC_PREFIX'] ?? '';
  const partitions = Number(process.env['KAFKA_PARTITIONS'] ?? '6');
  const topics = allTopics(prefix);
  const security = readKafkaSecurity(kafkaSecuritySettingsOf(loadEnv(KafkaSecurityEnv, process.env)));
  await ensureTopics(createKafka({ brokers, clientId: 'topic-provisioner', ...(security ? { security } : {}) }), topics, { partitions, withDeadLetterTopics: true });
  process.stdout.write(`topics ready on ${brokers.join(',')}: ${topics.map((topic) => `${topic} (+.dlq)`).join(', ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not create topics: ${String(error)}\n`);
  process.exit(1);
});
