import type { Kafka, Producer } from 'kafkajs';
import type {
  EventPublisher,
  EventSubscription,
  EventTransport,
  SubscriptionHandlers,
  SubscriptionOptions,
  TopicMessages,
  TopicOptions,
} from '../transport/event-transport';
import { platformPartitioner } from './kafka-connection';
import { kafkaEndOffsets } from './topic-offsets';
import { ensureTopics } from './topic-provisioner';

/** The event transport on a Kafka cluster: kafkajs producers and consumer groups. */
export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka';

  constructor(readonly kafka: Kafka) {}

  createPublisher(options: { idempotent: boolean }): EventPublisher {
    const producer = this.kafka.producer(
      options.idempotent
        ? {
            idempotent: true,
            // An idempotent producer keeps order only with one request in flight.
            maxInFlightRequests: 1,
            allowAutoTopicCreation: false,
            createPartitioner: platformPartitioner,
          }
        : { allowAutoTopicCreation: false, createPartitioner: platformPartitioner },
    );
    return new KafkaPublisher(producer);
  }

  async subscribe(options: SubscriptionOptions, handlers: SubscriptionHandlers): Promise<EventSubscription> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: options.sessionTimeoutMs,
      heartbeatInterval: options.heartbeatIntervalMs,
      maxWaitTimeInMs: 500,
      retry: { initialRetryTime: 300, retries: 8, restartOnFailure: async (error) => handlers.shouldRestart(error) },
    });
    consumer.on(consumer.events.GROUP_JOIN, () => handlers.onJoined());
    consumer.on(consumer.events.REBALANCING, () => handlers.onRebalancing?.());
    consumer.on(consumer.events.CRASH, (event) => handlers.onCrashed(event.payload.error, event.payload.restart));
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
      eachBatch: ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) =>
        handlers.onBatch({
          topic: batch.topic,
          partition: batch.partition,
          messages: batch.messages,
          resolveOffset,
          heartbeat,
          isRunning,
          isStale,
          commitOffsetsIfNecessary: () => commitOffsetsIfNecessary(),
        }),
    });
    return { stop: () => consumer.disconnect() };
  }

  ensureTopics(topics: readonly string[], options: TopicOptions): Promise<void> {
    return ensureTopics(this.kafka, [...topics], options);
  }

  endOffsets(topics: readonly string[]): Promise<Map<string, Map<number, bigint>>> {
    return kafkaEndOffsets(this.kafka, topics);
  }

  async close(): Promise<void> {
    // kafkajs clients hold no connection of their own; producers and consumers do.
  }
}

class KafkaPublisher implements EventPublisher {
  constructor(private readonly producer: Producer) {}

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async publish(batches: readonly TopicMessages[]): Promise<void> {
    await this.producer.sendBatch({ acks: -1, topicMessages: batches.map(({ topic, messages }) => ({ topic, messages })) });
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}
