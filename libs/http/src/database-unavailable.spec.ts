import { ArgumentsHost } from '@nestjs/common';
import { isDatabaseUnavailable, ProblemDetailsFilter } from './problem-details.filter';

/** What the filter answers for an error, through a fake Express response. */
function answerTo(exception: unknown): { status: number; headers: Record<string, string>; body: Record<string, unknown> } {
  const answer = { status: 0, headers: {} as Record<string, string>, body: {} as Record<string, unknown> };
  const response = {
    setHeader: (name: string, value: string) => (answer.headers[name] = value),
    status(code: number) {
      answer.status = code;
      return this;
    },
    type() {
      return this;
    },
    send(text: string) {
      answer.body = JSON.parse(text) as Record<string, unknown>;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => ({ method: 'POST', originalUrl: '/api/v1/x', headers: {} }), getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return answer;
}

describe('the database being away is a 503 with Retry-After, not an internal error', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['an administrator shutdown (TypeORM-wrapped)', Object.assign(new Error('terminating connection due to administrator command'), { driverError: { code: '57P01' } })],
    ['a server starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a connection exception (SQLSTATE class 08)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a cut connection', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
  ])('%s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const answer = answerTo(error);
    expect([answer.status, answer.headers['Retry-After'], answer.body['type']]).toEqual([503, '5', 'urn:binh-yen:problem:unavailable']);
  });

  it('keeps other server faults a 500 that says nothing of internals', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: '23505' });
    expect(isDatabaseUnavailable(error)).toBe(false);
    const answer = answerTo(error);
    expect([answer.status, answer.headers['Retry-After'], answer.body['type']]).toEqual([500, undefined, 'urn:binh-yen:problem:internal']);
    expect(JSON.stringify(answer.body)).not.toContain('duplicate key');
  });
});
