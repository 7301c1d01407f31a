import type { Caller } from '@binh-yen/auth';

export type ServiceName = 'units' | 'incidents' | 'campaigns' | 'reporting';

// The demo reads answers field by field; a type per answer would only restate the APIs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface DemoAnswer {
  status: number;
  body: Json;
}

/**
 * Calls the services over HTTP as the people who would make each change, so the
 * demo data goes through the same validation, use cases and events as real work.
 * Refusals are counted, not thrown: a demo with a few refused records still starts.
 */
export class DemoClient {
  readonly refused: string[] = [];
  written = 0;

  constructor(
    private readonly urls: Record<ServiceName, string>,
    private readonly tokenFor: (caller: Caller) => Promise<string>,
  ) {}

  async call(service: ServiceName, caller: Caller, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<DemoAnswer> {
    const response = await fetch(`${this.urls[service]}${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.tokenFor(caller)}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Json) : null };
  }

  /** A write that should succeed; returns its answer's body, or undefined when refused (and remembers why). */
  async write(service: ServiceName, caller: Caller, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Json | undefined> {
    const answer = await this.call(service, caller, method, path, body, headers);
    if (answer.status >= 200 && answer.status < 300) {
      this.written += 1;
      return answer.body;
    }
    this.refused.push(`${method} ${service}${path}: ${answer.status} ${answer.body?.detail ?? answer.body?.title ?? ''}`);
    return undefined;
  }

  async read(service: ServiceName, caller: Caller, path: string): Promise<Json> {
    const answer = await this.call(service, caller, 'GET', path);
    if (answer.status !== 200) throw new Error(`GET ${service}${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
}

export const demoCaller = (agency: Caller['agency'], role: Caller['roles'][number] = 'officer', area = '25'): Caller => ({
  subject: `demo-${agency}-${role}`,
  agency,
  roles: [role],
  area,
});
