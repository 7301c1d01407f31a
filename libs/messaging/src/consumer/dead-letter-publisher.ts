import { deadLetterTopicFor } from '@binh-yen/contracts';
import type { MessagingLogger } from '../logger';
import type { EventPublisher, EventTransport } from '../transport/event-transport';
import type { DeadLetterRecord } from './consumer-bookkeeping';
import { eventIdOf } from './decoded-message';

/**
 * Sends a consumer's dead letters to `<topic>.dlq`: the original key, value and headers,
 * plus who gave up on it and why. Called before the offsets move past them, so none is lost.
 */
export class DeadLetterPublisher {
  private publisher?: EventPublisher;

  constructor(
    private readonly transport: EventTransport,
    private readonly groupId: string,
    private readonly logger: MessagingLogger,
  ) {}

  async connect(): Promise<void> {
    this.publisher = this.transport.createPublisher({ idempotent: false });
    await this.publisher.connect();
  }

  async publish(topic: string, partition: number, letters: readonly DeadLetterRecord[]): Promise<void> {
    if (letters.length === 0) return;
    if (!this.publisher) throw new Error(`${this.groupId}: dead-letter publisher used before connect()`);
    await this.publisher.publish([
      {
        topic: deadLetterTopicFor(topic),
        messages: letters.map(({ decoded, kind, reason }) => ({
          key: decoded.message.key,
          value: decoded.message.value,
          headers: {
            ...decoded.message.headers,
            'dlq-consumer': this.groupId,
            'dlq-reason-kind': kind,
            'dlq-reason': reason.slice(0, 2000),
            'dlq-source-topic': topic,
            'dlq-source-partition': String(partition),
            'dlq-source-offset': decoded.offset,
          },
        })),
      },
    ]);
    for (const { decoded, reason } of letters) {
      this.logger.warn(`${this.groupId}: dead letter ${topic}[${partition}]@${decoded.offset} (event ${eventIdOf(decoded) ?? 'unknown'}): ${reason}`);
    }
  }

  async disconnect(): Promise<void> {
    const publisher = this.publisher;
    this.publisher = undefined;
    await publisher?.disconnect();
  }
}
