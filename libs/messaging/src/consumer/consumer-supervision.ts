import type { MessagingLogger } from '../logger';
import type { EventSubscription, SubscriptionHandlers } from '../transport/event-transport';

/**
 * `starting` until the group is first joined, `rebalancing` while it is joined again: in both,
 * nothing is applied (a restarted process waits there until the dead member's session expires).
 */
export type ConsumerState = 'starting' | 'running' | 'rebalancing' | 'retrying' | 'crashed' | 'stopped';

/**
 * Restart supervision of one consumer: its state for health and metrics, its last error,
 * and a restart budget shared by the transport's own restarts and ours (`maxRestarts`, reset
 * by every committed chunk). Past it the consumer stays `crashed` for good: `crashedAt` says
 * since when, and liveness fails after its grace, so the orchestrator restarts the pod instead
 * of keeping a zombie (ADR 0037).
 */
export class ConsumerSupervision {
  private current: ConsumerState = 'starting';
  lastError: string | null = null;
  /** When it became `crashed` (ms since the epoch); null in every other state. */
  crashedAt: number | null = null;
  private restarts = 0;
  private subscription?: EventSubscription;
  /** Counts subscriptions (and stops): a crash is acted upon only if nothing newer happened since. */
  private generation = 0;

  constructor(
    private readonly groupId: string,
    private readonly maxRestarts: number,
    private readonly logger: MessagingLogger,
    /** Joins the group again with a fresh subscription. */
    private readonly subscribe: (handlers: Omit<SubscriptionHandlers, 'onBatch'>) => Promise<EventSubscription>,
  ) {}

  get state(): ConsumerState {
    return this.current;
  }

  set state(next: ConsumerState) {
    if (next === 'crashed' && this.current !== 'crashed') this.crashedAt = Date.now();
    if (next !== 'crashed') this.crashedAt = null;
    this.current = next;
  }

  async start(): Promise<void> {
    this.subscription = await this.subscribe(this.handlers(++this.generation));
  }

  /** Finishes the batch in hand and leaves the group; no restart after this. */
  async stop(): Promise<void> {
    this.generation += 1;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    this.state = 'stopped';
  }

  /** A chunk committed: the consumer works, its restart budget is whole again. */
  progressed(): void {
    this.restarts = 0;
    if (this.state === 'retrying') this.state = 'running';
  }

  failed(error: unknown, retrying: boolean): void {
    this.lastError = error instanceof Error ? error.message : String(error);
    if (retrying) this.state = 'retrying';
  }

  private handlers(generation: number): Omit<SubscriptionHandlers, 'onBatch'> {
    return {
      onJoined: () => {
        this.state = 'running';
      },
      onRebalancing: () => {
        if (this.state === 'running') this.state = 'rebalancing';
      },
      onCrashed: (error, willRestart) => {
        if (generation !== this.generation) return; // a subscription already replaced or stopped
        this.lastError = error.message;
        this.state = willRestart ? 'retrying' : 'crashed';
        if (!willRestart) this.resubscribeLater(error, generation);
      },
      shouldRestart: (error) => {
        this.restarts += 1;
        this.lastError = error.message;
        const restart = this.restarts <= this.maxRestarts;
        this.logger.warn(`${this.groupId}: consumer failed (${error.message}); ${restart ? `restart ${this.restarts}` : 'giving up'}`);
        return restart;
      },
    };
  }

  /**
   * kafkajs never restarts after an error it deems non-retriable, some of which pass
   * (e.g. "Failed to find group coordinator" on a busy broker): within the same restart
   * budget, join again with a fresh subscription; past it, stay crashed (liveness fails after its grace).
   */
  private resubscribeLater(error: Error, generation: number): void {
    // A crash may come while the subscription is still being made (a refused join): what counts is
    // that no newer subscription or stop happened since, not which object this.subscription holds.
    if (generation !== this.generation || this.restarts >= this.maxRestarts) return;
    this.restarts += 1;
    this.state = 'retrying';
    this.logger.warn(`${this.groupId}: consumer crashed (${error.message}); joining again, restart ${this.restarts}`);
    setTimeout(() => {
      if (generation !== this.generation) return; // stopped, or already replaced
      void (this.subscription?.stop() ?? Promise.resolve())
        .catch(() => undefined)
        .then(async () => {
          if (generation !== this.generation) return;
          const next = ++this.generation;
          const subscription = await this.subscribe(this.handlers(next));
          if (next === this.generation) this.subscription = subscription;
          else await subscription.stop(); // stopped meanwhile
        })
        .catch((reason: unknown) => {
          this.state = 'crashed';
          this.lastError = reason instanceof Error ? reason.message : String(reason);
        });
    }, Math.min(30_000, 1_000 * this.restarts));
  }
}
