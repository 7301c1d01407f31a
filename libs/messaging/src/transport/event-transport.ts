/**
 * What the event path needs from a log of events, whichever log it is: Kafka in
 * the local stack, containers and the cluster; a Postgres table in the embedded
 * mode. The relay publishes through a publisher, the projection consumers read
 * through a subscription, and the exactly-once logic above both stays the same.
 */

export type HeaderValue = Buffer | string | (Buffer | string)[] | undefined;

/** One message as read from a partition (the shape kafkajs delivers, trimmed). */
export interface LogMessage {
  /** Offset in its partition, as a decimal string. */
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: Record<string, HeaderValue>;
}

export interface OutgoingMessage {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, HeaderValue>;
}

export interface TopicMessages {
  topic: string;
  messages: OutgoingMessage[];
}

/** Appends messages durably; resolves only once every message is stored (acks: all). */
export interface EventPublisher {
  connect(): Promise<void>;
  publish(batches: readonly TopicMessages[]): Promise<void>;
  disconnect(): Promise<void>;
}

/** A run of consecutive messages of one partition, handed to the consumer. */
export interface ConsumedBatch {
  topic: string;
  partition: number;
  messages: LogMessage[];
  /** Marks everything up to this offset as done (committed with the next commit). */
  resolveOffset(offset: string): void;
  heartbeat(): Promise<void>;
  isRunning(): boolean;
  /** True when the partition was taken away meanwhile (a rebalance). */
  isStale(): boolean;
  commitOffsetsIfNecessary(): Promise<void>;
}

export interface SubscriptionHandlers {
  onBatch(batch: ConsumedBatch): Promise<void>;
  /** The subscription has its partitions and is reading. */
  onJoined(): void;
  /** The group is being rebalanced: nothing is applied until it has joined again (a log without groups never calls it). */
  onRebalancing?(): void;
  /** Reading failed; `willRestart` tells whether it starts over from the committed offsets. */
  onCrashed(error: Error, willRestart: boolean): void;
  /** Asked after a failure: answer false to give up for good. */
  shouldRestart(error: Error): boolean;
}

export interface SubscriptionOptions {
  groupId: string;
  topics: readonly string[];
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  partitionsConsumedConcurrently: number;
}

export interface EventSubscription {
  /** Finishes the batch in hand, lets go of the partitions. */
  stop(): Promise<void>;
}

export interface TopicOptions {
  partitions: number;
  /** Also create `<topic>.dlq` beside each topic. */
  withDeadLetterTopics?: boolean;
}

export type TransportKind = 'kafka' | 'embedded';

export interface EventTransport {
  readonly kind: TransportKind;
  /**
   * `idempotent` asks for the strongest ordering and no duplicates from retries
   * (the relay); dead letters make do without.
   */
  createPublisher(options: { idempotent: boolean }): EventPublisher;
  subscribe(options: SubscriptionOptions, handlers: SubscriptionHandlers): Promise<EventSubscription>;
  /** Creates missing topics explicitly (never by auto-creation), with unlimited retention. */
  ensureTopics(topics: readonly string[], options: TopicOptions): Promise<void>;
  /** The next offset to be written on each partition of each topic (the high watermark). */
  endOffsets(topics: readonly string[]): Promise<Map<string, Map<number, bigint>>>;
  close(): Promise<void>;
}
