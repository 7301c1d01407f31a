import { Logger } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * A shared store (Redis) that fails open to a per-process one: while Redis cannot answer, each
 * replica limits on its own instead of refusing every request with a 500 (or hanging on a queue).
 */
export class FallbackThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private warnedAt = 0;

  constructor(
    private readonly shared: ThrottlerStorage,
    private readonly local: ThrottlerStorage = new ThrottlerStorageService(),
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    try {
      return await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (error) {
      if (Date.now() - this.warnedAt > 60_000) {
        this.warnedAt = Date.now();
        this.logger.warn(`shared rate-limit store unavailable, limiting per process meanwhile: ${error instanceof Error ? error.message : String(error)}`);
      }
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }
}
