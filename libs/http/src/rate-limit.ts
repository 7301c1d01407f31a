import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem-details';

/**
 * A token bucket per client address: `perMinute` requests a minute, refilled
 * continuously, bursts up to the same number. Health probes are never limited.
 * In a cluster, the gateway limits globally; this guards each process.
 */
export function rateLimit(perMinute: number): (request: Request, response: Response, next: NextFunction) => void {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  let lastSweep = Date.now();
  return (request, response, next) => {
    if (request.path.startsWith('/health') || request.path === '/metrics') return next();
    const now = Date.now();
    if (now - lastSweep > 60_000) {
      for (const [key, bucket] of buckets) if (now - bucket.at > 60_000) buckets.delete(key);
      lastSweep = now;
    }
    const key = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const bucket = buckets.get(key) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * refillPerMs);
    bucket.at = now;
    if (bucket.tokens < 1) {
      buckets.set(key, bucket);
      const retryAfter = Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
      response.setHeader('Retry-After', String(retryAfter));
      response
        .status(429)
        .type(PROBLEM_CONTENT_TYPE)
        .send(JSON.stringify({ type: problemType('rate-limited'), title: 'Quá nhiều yêu cầu (Too many requests)', status: 429, detail: `Slow down: at most ${perMinute} requests a minute. Retry after ${retryAfter} s.`, instance: request.originalUrl }));
      return;
    }
    bucket.tokens -= 1;
    buckets.set(key, bucket);
    next();
  };
}
