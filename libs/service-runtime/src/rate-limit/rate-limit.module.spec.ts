import { RateLimitModule } from './rate-limit.module';

describe('RateLimitModule', () => {
  it('registers nothing when RATE_LIMIT_PER_MINUTE is 0: no guard, no store, no token check', () => {
    expect(RateLimitModule.forRoot({ perMinute: 0, store: 'redis', redisUrl: 'redis://127.0.0.1:1', keyPrefix: 'x:' })).toEqual({ module: RateLimitModule });
  });

  it('registers the throttler and its guard otherwise', () => {
    const module = RateLimitModule.forRoot({ perMinute: 60, store: 'memory', keyPrefix: 'x:' });
    expect(module.imports).toHaveLength(1);
    expect(module.providers).toHaveLength(1);
  });

  it('refuses the shared store without its URL', () => {
    expect(() => RateLimitModule.forRoot({ perMinute: 60, store: 'redis', keyPrefix: 'x:' })).toThrow(/RATE_LIMIT_REDIS_URL/);
  });
});
