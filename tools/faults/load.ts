import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultStack } from './stack';

export const QUARTERS = ['2026-Q1', '2026-Q2', '2026-Q3'] as const;
const RATINGS = ['strong', 'fair', 'average'] as const;

/** The body of a 2xx answer to PUT /units/:code/ratings/:quarter. */
export interface AcknowledgedRating {
  unitCode: string;
  quarter: string;
  revision: number;
}

export interface LoadStats {
  sent: number;
  ok: number;
  failed: number;
  seconds: number;
  /** Successful commands per second. */
  rate: number;
  /** What the refused requests got: status codes, or `cut` for a connection that failed. */
  refusals: Record<string, number>;
}

/** "503×12, cut×3": the answers behind a load's refused count, for a scenario's result line. */
export function describeRefusals(stats: LoadStats): string {
  const parts = Object.entries(stats.refusals).map(([answer, count]) => `${answer}×${count}`);
  return parts.length === 0 ? 'none' : parts.join(', ');
}

/**
 * Steady write load on the units service: quarterly ratings of random communes, each a new
 * revision and one `unit.rated` event. Follows the service across restarts (its URL is read
 * on every call); a refused or cut request is counted and the loop goes on.
 */
export class RatingLoad {
  private stopped = false;
  private readonly loops: Promise<void>[] = [];
  private readonly started = Date.now();
  private ended?: number;
  sent = 0;
  ok = 0;
  failed = 0;
  private readonly refusals: Record<string, number> = {};
  /** What each 2xx answer acknowledged: the rating revision it stored (checked against the projection by the cluster scenarios). */
  readonly acknowledged: AcknowledgedRating[] = [];

  constructor(
    private readonly stack: FaultStack,
    private readonly perSecond: number,
    concurrency = 4,
  ) {
    for (let i = 0; i < concurrency; i++) this.loops.push(this.loop(concurrency));
  }

  private async loop(concurrency: number): Promise<void> {
    const interval = (1000 * concurrency) / this.perSecond;
    while (!this.stopped) {
      const began = Date.now();
      this.sent += 1;
      try {
        const response = await this.stack.rate(this.stack.randomCommune(), pick(QUARTERS), { rating: pick(RATINGS) });
        if (response.status >= 200 && response.status < 300) {
          this.ok += 1;
          this.acknowledged.push((await response.json()) as AcknowledgedRating);
        } else {
          this.refuse(String(response.status));
          await response.body?.cancel();
        }
      } catch {
        this.refuse('cut');
      }
      const wait = interval - (Date.now() - began);
      if (wait > 0) await sleep(wait);
    }
  }

  private refuse(answer: string): void {
    this.failed += 1;
    this.refusals[answer] = (this.refusals[answer] ?? 0) + 1;
  }

  stats(): LoadStats {
    const seconds = ((this.ended ?? Date.now()) - this.started) / 1000;
    return { sent: this.sent, ok: this.ok, failed: this.failed, seconds, rate: this.ok / Math.max(seconds, 0.001), refusals: { ...this.refusals } };
  }

  async stop(): Promise<LoadStats> {
    this.stopped = true;
    await Promise.all(this.loops);
    this.ended = Date.now();
    return this.stats();
  }
}

export function pick<T>(values: readonly T[]): T {
  return values[Math.floor(Math.random() * values.length)]!;
}
