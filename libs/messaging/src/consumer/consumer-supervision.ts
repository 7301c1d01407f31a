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
 * by every committed chunk). Past it the consumer stays `crashed` and readiness turns red,
 * so the orchestrator restarts the pod instead of keeping a zombie.
 */
export class ConsumerSupervision {
  state: ConsumerState = 'starting';
  lastError: string | null = null;
  private restarts = 0;
  private subscription?: EventSubscription;

  constructor(
    private readonly groupId: string,
    private readonly maxRestarts: number,
    private readonly logger: MessagingLogger,
    /** Joins the group again with a fresh subscription. */
    private readonly subscribe: (handlers: Omit<SubscriptionHandlers, 'onBatch'>) => Promise<EventSubscription>,
  ) {}

  async start(): Promise<void> {
    this.subscription = await this.subscribe(this.handlers());
  }

  /** Finishes the batch in hand and leaves the group; no restart after this. */
  async stop(): Promise<void> {
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

  private handlers(): Omit<SubscriptionHandlers, 'onBatch'> {
    return {
      onJoined: () => {
        this.state = 'running';
      },
      onRebalancing: () => {
        if (this.state === 'running') this.state = 'rebalancing';
      },
      onCrashed: (error, willRestart) => {
        this.lastError = error.message;
        this.state = willRestart ? 'retrying' : 'crashed';
        if (!willRestart) this.resubscribeLater(error);
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
   * budget, join again with a fresh subscription; past it, stay crashed (readiness red).
   */
  private resubscribeLater(error: Error): void {
    const crashed = this.subscription;
    if (!crashed || this.restarts >= this.maxRestarts) return;
    this.restarts += 1;
    this.state = 'retrying';
    this.logger.warn(`${this.groupId}: consumer crashed (${error.message}); joining again, restart ${this.restarts}`);
    setTimeout(() => {
      if (this.subscription !== crashed) return; // stopped, or already replaced
      void crashed
        .stop()
        .catch(() => undefined)
        .then(async () => {
          if (this.subscription === crashed) this.subscription = await this.subscribe(this.handlers());
        })
        .catch((reason: unknown) => {
          this.state = 'crashed';
          this.lastError = reason instanceof Error ? reason.message : String(reason);
        });
    }, Math.min(30_000, 1_000 * this.restarts));
  }
}
