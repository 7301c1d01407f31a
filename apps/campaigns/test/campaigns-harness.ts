import { UnitEventTypes, topicFor, uuidv7, type EventEnvelope, type UnitDissolvedV1 } from '@binh-yen/contracts';
import type { Caller } from '@binh-yen/auth';
import {
  bearer,
  createTestDatabase,
  publishEvents,
  serviceEnv,
  startServiceProcess,
  uniqueTopicPrefix,
  unitRegistered,
  waitFor,
  type ServiceProcess,
  type TestDatabase,
} from '@binh-yen/testing';
import { Client } from 'pg';

// Tests read JSON answers field by field; a type per answer would only restate them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

const caller = (subject: string, agency: Caller['agency'], area: string, roles: Caller['roles'] = ['officer']): Caller => ({ subject, agency, roles, area });

/** People of Phú Thọ who use the service in the tests. */
export const callers = {
  frontVietTri: caller('mttq-viet-tri-01', 'fatherland-front', '25.227'),
  frontLamThao: caller('mttq-lam-thao-01', 'fatherland-front', '25.237'),
  policeProvince: caller('ca-tinh-01', 'police', '25'),
  womenDuuLau: caller('hoi-phu-nu-duu-lau-01', 'womens-union', '25.227.07882'),
  youthVietTri: caller('doan-tn-viet-tri-01', 'youth-union', '25.227'),
  press: caller('bao-phu-tho-01', 'press', '25'),
  committeeProvince: caller('ubnd-tinh-01', 'people-committee', '25'),
  committeeVanCo: caller('ubnd-van-co-01', 'people-committee', '25.227.07885'),
  analyst: caller('phan-tich-01', 'police', '25', ['analyst']),
};

/** Vietnam's date `days` from today (negative: in the past). */
export function day(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

function dissolved(unit: EventEnvelope<{ unitId: string; code: string; path: string }>): EventEnvelope<UnitDissolvedV1> {
  return {
    id: uuidv7(),
    type: UnitEventTypes.dissolved,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregate: unit.aggregate,
    sequence: 2,
    actor: { agency: 'people-committee', subject: 'test-registrar' },
    area: unit.data.path,
    data: { unitId: unit.data.unitId, code: unit.data.code, path: unit.data.path, reason: 'Sáp nhập địa giới', effectiveFrom: '2020-01-01' },
  };
}

/** A slice of Phú Thọ: the province, Việt Trì with three wards and a residential group, Lâm Thao, and a dissolved commune. */
export function phuThoUnits(): EventEnvelope[] {
  const gone = unitRegistered({ code: '07930', name: 'Xã Sông Lô', path: '25.227.07930', kind: 'commune', subkind: 'commune' });
  return [
    unitRegistered({ code: '25', name: 'Tỉnh Phú Thọ', path: '25', kind: 'province', subkind: 'province' }),
    unitRegistered({ code: '227', name: 'Thành phố Việt Trì', path: '25.227', kind: 'district', subkind: 'city' }),
    unitRegistered({ code: '237', name: 'Huyện Lâm Thao', path: '25.237', kind: 'district', subkind: 'district' }),
    unitRegistered({ code: '07882', name: 'Phường Dữu Lâu', path: '25.227.07882' }),
    unitRegistered({ code: '07885', name: 'Phường Vân Cơ', path: '25.227.07885' }),
    unitRegistered({ code: '07888', name: 'Phường Nông Trang', path: '25.227.07888' }),
    unitRegistered({ code: '0788201', name: 'Khu 1 Dữu Lâu', path: '25.227.07882.0788201', kind: 'residential-area', subkind: 'residential-group' }),
    gone,
    dissolved(gone),
  ];
}

/** The campaigns service as a process on its own database and topics, fed units through the units topic. */
export class CampaignsUnderTest {
  readonly topicPrefix = uniqueTopicPrefix();
  database!: TestDatabase;
  service!: ServiceProcess;

  async start(): Promise<void> {
    this.database = await createTestDatabase('campaigns');
    this.service = await startServiceProcess({ service: 'campaigns', env: serviceEnv(this.database.url, this.topicPrefix) });
  }

  async stop(): Promise<void> {
    await this.service?.stop();
    await this.database?.drop();
  }

  /** Publishes units as the units service would, and waits until the replica has applied them. */
  async seedUnits(events: EventEnvelope[] = phuThoUnits()): Promise<void> {
    await publishEvents(topicFor('unit', this.topicPrefix), events);
    const ids = events.map((event) => event.id);
    await waitFor(
      async () => (await this.sql<{ n: string }>(`SELECT count(*) AS n FROM consumer_inbox WHERE event_id = ANY($1::uuid[])`, [ids]))[0]!.n,
      (applied) => Number(applied) === ids.length,
      { timeoutMs: 60_000, description: 'the units replica to apply the seeded units' },
    );
  }

  async call(method: string, path: string, body?: unknown, options: { caller?: Caller; headers?: Record<string, string> } = {}): Promise<{ status: number; body: Json; headers: Headers }> {
    const response = await fetch(`${this.service.url}${path}`, {
      method,
      headers: { authorization: await bearer(options.caller ?? callers.frontVietTri), 'content-type': 'application/json', ...options.headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }

  async sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.database.url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }
}
