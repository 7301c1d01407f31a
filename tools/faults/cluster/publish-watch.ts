import { Kafka, logLevel, type Admin } from 'kafkajs';

interface Sample {
  at: number;
  /** Sum of the topic's high watermarks: how many messages the cluster has accepted so far. */
  total: bigint;
}

/**
 * Samples how far a topic has been written (the sum of its partitions' high watermarks) every
 * `intervalMs`, through one admin client that follows the cluster across broker deaths. A sample
 * that fails (no broker answered in time) is skipped: a gap in the samples is not growth.
 */
export class PublishWatch {
  private readonly samples: Sample[] = [];
  private readonly admin: Admin;
  private stopped = false;
  private loop?: Promise<void>;

  constructor(
    brokers: string[],
    private readonly topic: string,
    private readonly intervalMs = 250,
  ) {
    this.admin = new Kafka({ clientId: 'fault-suite-watch', brokers, logLevel: logLevel.NOTHING, connectionTimeout: 1_000, requestTimeout: 3_000, retry: { retries: 2, initialRetryTime: 100 } }).admin();
  }

  async start(): Promise<void> {
    await this.admin.connect();
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const offsets = await this.admin.fetchTopicOffsets(this.topic);
        this.samples.push({ at: Date.now(), total: offsets.reduce((sum, entry) => sum + BigInt(entry.high), 0n) });
      } catch {
        // No broker answered: nothing learnt about growth.
      }
      await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
    }
  }

  /** Milliseconds from `since` until the topic had grown past what it held at `since` (undefined: never). */
  resumedAfter(since: number): number | undefined {
    const before = [...this.samples].reverse().find((sample) => sample.at <= since)?.total ?? 0n;
    const grown = this.samples.find((sample) => sample.at > since && sample.total > before);
    return grown ? grown.at - since : undefined;
  }

  /** Messages accepted between two instants (by the samples nearest inside them). */
  grewBetween(from: number, to: number): bigint {
    const inside = this.samples.filter((sample) => sample.at >= from && sample.at <= to);
    if (inside.length < 2) return 0n;
    return inside[inside.length - 1]!.total - inside[0]!.total;
  }

  /** The longest time the topic did not grow between two instants, in milliseconds. */
  longestStall(from: number, to: number): number {
    const inside = this.samples.filter((sample) => sample.at >= from && sample.at <= to);
    let longest = 0;
    let since = inside[0]?.at ?? from;
    let level = inside[0]?.total ?? 0n;
    for (const sample of inside) {
      if (sample.total > level) {
        longest = Math.max(longest, sample.at - since);
        since = sample.at;
        level = sample.total;
      }
    }
    return Math.max(longest, (inside[inside.length - 1]?.at ?? to) - since);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    await this.admin.disconnect();
  }
}
