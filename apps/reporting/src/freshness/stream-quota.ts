import { HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { CALLER_KEY, type Caller } from '@binh-yen/auth';
import { ProblemException, problemType } from '@binh-yen/http';
import type { Request } from 'express';

/**
 * How many live streams one caller holds at once (REPORT_STREAMS_PER_CALLER). Each open stream
 * costs a connection and a query a second; a tab needs one, so a few cover a person's tabs and
 * nobody holds a hundred (issue 23). Counted per process, by the token's subject.
 */
export class StreamQuota {
  private readonly open = new Map<string, number>();

  constructor(private readonly perCaller: number) {}

  /** Takes a place for `subject`, or refuses with 429; the answer frees the place again. */
  acquire(subject: string): () => void {
    const held = this.open.get(subject) ?? 0;
    if (held >= this.perCaller) {
      throw new ProblemException(
        {
          type: problemType('too-many-streams'),
          title: 'Quá nhiều luồng trực tiếp (Too many live streams)',
          status: HttpStatus.TOO_MANY_REQUESTS,
          detail: `Bạn đang mở ${held} luồng trực tiếp, tối đa ${this.perCaller} (you hold ${held} live streams, at most ${this.perCaller}): close one, e.g. another tab of the dashboard.`,
        },
        { 'Retry-After': '30' },
      );
    }
    this.open.set(subject, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(subject) ?? 1) - 1;
      if (left === 0) this.open.delete(subject);
      else this.open.set(subject, left);
    };
  }
}

/**
 * Takes the caller's place before the stream starts, and gives it back when the connection closes.
 * A guard, not the handler: guards run before interceptors, so a refusal is a real 429 and not an
 * error event inside an already-opened stream of status 200 (Nest's SSE turns a handler's error
 * behind an interceptor into one).
 */
@Injectable()
export class StreamQuotaGuard implements CanActivate {
  constructor(private readonly quota: StreamQuota) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { [CALLER_KEY]?: Caller }>();
    const caller = request[CALLER_KEY];
    if (!caller) return true; // the auth guard has refused it already
    const release = this.quota.acquire(caller.subject);
    request.once('close', release);
    return true;
  }
}
