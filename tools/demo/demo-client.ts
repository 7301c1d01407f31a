import type { Caller } from '@binh-yen/auth';
import { serviceClients, type ServiceClients, type ServicePaths } from '@binh-yen/api-client';

export type ServiceName = keyof ServicePaths;

// The demo reads answers field by field; a type per answer would only restate the APIs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** What an openapi-fetch call answers. */
interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** A call of the generated clients (@binh-yen/api-client, ADR 0048), made with the caller's token. */
export type ApiCall = (api: ServiceClients, headers: { authorization: string }) => Promise<Answer>;

/**
 * Calls the services over HTTP as the people who would make each change, so the
 * demo data goes through the same validation, use cases and events as real work.
 * Requests go through the clients generated from the OpenAPI documents: a body
 * that no longer fits an API does not compile. Refusals are counted, not thrown:
 * a demo with a few refused records still starts.
 */
export class DemoClient {
  readonly refused: string[] = [];
  written = 0;
  private readonly api: ServiceClients;

  constructor(
    urls: Record<ServiceName, string>,
    private readonly tokenFor: (caller: Caller) => Promise<string>,
  ) {
    this.api = serviceClients(urls);
  }

  /** A write that should succeed; returns its answer's body, or undefined when refused (and remembers why). */
  async write(caller: Caller, call: ApiCall): Promise<Json | undefined> {
    const { data, error, response } = await call(this.api, { authorization: `Bearer ${await this.tokenFor(caller)}` });
    if (response.ok) {
      this.written += 1;
      return data as Json;
    }
    const problem = error as Json;
    this.refused.push(`${response.url}: ${response.status} ${problem?.detail ?? problem?.title ?? ''}`);
    return undefined;
  }

  async read(caller: Caller, call: ApiCall): Promise<Json> {
    const { data, error, response } = await call(this.api, { authorization: `Bearer ${await this.tokenFor(caller)}` });
    if (response.status !== 200) throw new Error(`${response.url}: ${response.status} ${JSON.stringify(error)}`);
    return data as Json;
  }
}

export const demoCaller = (agency: Caller['agency'], role: Caller['roles'][number] = 'officer', area = '25'): Caller => ({
  subject: `demo-${agency}-${role}`,
  agency,
  roles: [role],
  area,
});
