import { Module, type DynamicModule, type ExecutionContext } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { Request } from 'express';
import { TokenVerifier, verifiedCallerOf } from '@binh-yen/auth';
import { FallbackThrottlerStorage } from './fallback-throttler-storage';

export interface RateLimitSettings {
  /** Requests a minute per caller; 0 registers nothing at all. */
  perMinute: number;
  /** `memory`: per process; `redis`: one count shared by every replica of the service. */
  store: 'memory' | 'redis';
  redisUrl?: string;
  /** Keeps services (and environments) sharing one Redis apart. */
  keyPrefix: string;
}

/** Health probes and scrapes are never limited: a limited probe would restart a busy pod. */
const UNLIMITED = /^\/(health|metrics)(\/|$)/;

/**
 * Whom a request counts against: the verified subject of its bearer token (so the users behind one
 * gateway or NAT address each have their own allowance), else its address (`request.ip`, which
 * follows X-Forwarded-For only from the proxies TRUST_PROXY names). A token that does not verify
 * counts as anonymous: a made-up subject per request must not escape the address's limit.
 */
export function callerTracker(verifier: TokenVerifier): (request: Request) => Promise<string> {
  return async (request) => {
    const verification = verifiedCallerOf(verifier, request);
    if (verification) {
      try {
        // Verified once for the request: the auth guard reuses this check.
        const caller = await verification;
        return `subject:${caller.agency}:${caller.subject}`;
      } catch {
        // Refused by the auth guard later; limited by address meanwhile.
      }
    }
    return `address:${request.ip ?? request.socket.remoteAddress ?? 'unknown'}`;
  };
}

function storageOf(settings: RateLimitSettings): ThrottlerStorage | undefined {
  if (settings.store !== 'redis') return undefined; // the library's in-memory store
  if (!settings.redisUrl) throw new Error('RATE_LIMIT_STORE=redis needs RATE_LIMIT_REDIS_URL');
  // No offline queue and one try: an unreachable Redis answers at once, and the fallback limits per process.
  return new FallbackThrottlerStorage(
    new ThrottlerStorageRedisService(settings.redisUrl, { keyPrefix: settings.keyPrefix, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: false }),
  );
}

/**
 * `@nestjs/throttler` as one allowance per caller a minute across all routes (the library's default
 * key is per route), with the 429 and Retry-After it sets. Imported before the AuthModule so its
 * guard runs first: an anonymous flood meets 429 rather than costing a token check each (ADR 0036).
 */
@Module({})
export class RateLimitModule {
  static forRoot(settings: RateLimitSettings): DynamicModule {
    if (settings.perMinute <= 0) return { module: RateLimitModule };
    const storage = storageOf(settings);
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRootAsync({
          inject: [TokenVerifier],
          useFactory: (verifier: TokenVerifier) => {
            const tracker = callerTracker(verifier);
            return {
              // Named `default`: the library then answers the standard Retry-After (and X-RateLimit-*) headers.
              throttlers: [{ name: 'default', ttl: 60_000, limit: settings.perMinute }],
              getTracker: (request: Record<string, unknown>) => tracker(request as unknown as Request),
              generateKey: (_context: ExecutionContext, trackerKey: string, name: string) => `${name}:${trackerKey}`,
              // The projection transport inherits the app's guards: only HTTP requests are limited.
              skipIf: (context: ExecutionContext) =>
                context.getType() !== 'http' || UNLIMITED.test(context.switchToHttp().getRequest<Request>().path ?? ''),
              errorMessage: `Quá nhiều yêu cầu: tối đa ${settings.perMinute} mỗi phút (Too many requests: at most ${settings.perMinute} a minute).`,
              ...(storage ? { storage } : {}),
            };
          },
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }
}
