import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  UnitEventTypes,
  topicFor,
  uuidv7,
  type EventEnvelope,
  type UnitDissolvedV1,
  type UnitMergedV1,
  type UnitMovedV1,
  type UnitRegisteredV1,
  type UnitRenamedV1,
} from '@binh-yen/contracts';
import type { Caller } from '@binh-yen/auth';
import {
  bearer,
  createTestDatabase,
  publishEvents,
  readTopic,
  repoRoot,
  serviceEnv,
  startServiceProcess,
  uniqueTopicPrefix,
  unitRegistered,
  waitFor,
  type ServiceProcess,
  type TestDatabase,
} from '@binh-yen/testing';
import { Client } from 'pg';
import type { IncidentsSchemas as components } from '@binh-yen/api-client';

// Tests read JSON answers field by field; a type per answer would only restate them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

const caller = (subject: string, agency: Caller['agency'], area: string, roles: Caller['roles'] = ['officer']): Caller => ({ subject, agency, roles, area });

/** People of Phú Thọ who use the service in the tests. */
export const callers = {
  policeVietTri: caller('ca-viet-tri-01', 'police', '25.227'),
  policeProvinceLead: caller('ca-tinh-dieu-tra-01', 'police', '25', ['approver']),
  policeLamThao: caller('ca-lam-thao-01', 'police', '25.237'),
  procuracyVietTri: caller('vks-viet-tri-01', 'procuracy', '25.227'),
  courtVietTri: caller('toa-viet-tri-01', 'court', '25.227'),
  committeeDuuLau: caller('ubnd-duu-lau-01', 'people-committee', '25.227.07882'),
  analyst: caller('phan-tich-01', 'police', '25', ['analyst']),
  courtClerk: caller('toa-thu-ky-01', 'court', '25', ['officer']),
  auditor: caller('kiem-toan-01', 'police', '25', ['auditor']),
  press: caller('bao-phu-tho-01', 'press', '25'),
  administrator: caller('quan-tri-01', 'police', '25', ['administrator']),
};

function unitEvent<T>(unitId: string, type: string, sequence: number, area: string, data: T): EventEnvelope<T> {
  return {
    id: uuidv7(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregate: { type: 'unit', id: unitId },
    sequence,
    actor: { agency: 'people-committee', subject: 'test-registrar' },
    area,
    data,
  };
}

type Registered = EventEnvelope<UnitRegisteredV1>;

/** Unit events as the units service publishes them, for reorganisations. */
export const unitEvents = {
  renamed: (unit: Registered, name: string, sequence = 2): EventEnvelope<UnitRenamedV1> =>
    unitEvent(unit.data.unitId, UnitEventTypes.renamed, sequence, unit.data.path, { unitId: unit.data.unitId, code: unit.data.code, name, previousName: unit.data.name, path: unit.data.path, effectiveFrom: '2026-01-01' }),
  moved: (unit: Registered, parent: Registered, sequence = 2): EventEnvelope<UnitMovedV1> => {
    const path = `${parent.data.path}.${unit.data.code}`;
    return unitEvent(unit.data.unitId, UnitEventTypes.moved, sequence, path, { unitId: unit.data.unitId, code: unit.data.code, parentId: parent.data.unitId, path, previousPath: unit.data.path, effectiveFrom: '2026-01-01', becauseOf: null });
  },
  merged: (unit: Registered, into: Registered, sequence = 2): EventEnvelope<UnitMergedV1> =>
    unitEvent(unit.data.unitId, UnitEventTypes.merged, sequence, unit.data.path, { unitId: unit.data.unitId, code: unit.data.code, path: unit.data.path, intoUnitId: into.data.unitId, effectiveFrom: '2026-01-01' }),
  dissolved: (unit: Registered, sequence = 2): EventEnvelope<UnitDissolvedV1> =>
    unitEvent(unit.data.unitId, UnitEventTypes.dissolved, sequence, unit.data.path, { unitId: unit.data.unitId, code: unit.data.code, path: unit.data.path, reason: 'Sáp nhập địa giới', effectiveFrom: '2020-01-01' }),
};

/** A slice of Phú Thọ: the province, Việt Trì with three wards and a residential group, Lâm Thao with a commune, a dissolved commune. */
export function phuThoUnits(): { events: EventEnvelope[]; units: Record<string, Registered> } {
  const units = {
    province: unitRegistered({ code: '25', name: 'Tỉnh Phú Thọ', path: '25', kind: 'province', subkind: 'province' }),
    vietTri: unitRegistered({ code: '227', name: 'Thành phố Việt Trì', path: '25.227', kind: 'district', subkind: 'city' }),
    lamThao: unitRegistered({ code: '237', name: 'Huyện Lâm Thao', path: '25.237', kind: 'district', subkind: 'district' }),
    duuLau: unitRegistered({ code: '07882', name: 'Phường Dữu Lâu', path: '25.227.07882' }),
    vanCo: unitRegistered({ code: '07885', name: 'Phường Vân Cơ', path: '25.227.07885' }),
    nongTrang: unitRegistered({ code: '07888', name: 'Phường Nông Trang', path: '25.227.07888' }),
    khu1: unitRegistered({ code: '0788201', name: 'Khu 1 Dữu Lâu', path: '25.227.07882.0788201', kind: 'residential-area', subkind: 'residential-group' }),
    hungSon: unitRegistered({ code: '08020', name: 'Thị trấn Hùng Sơn', path: '25.237.08020', kind: 'commune', subkind: 'township' }),
    songLo: unitRegistered({ code: '07930', name: 'Xã Sông Lô', path: '25.227.07930', kind: 'commune', subkind: 'commune' }),
  };
  return { events: [...Object.values(units), unitEvents.dissolved(units.songLo)], units };
}

/** A fresh AES-256 key for informants (32 random bytes, base64). */
export const informantKey = (): string => randomBytes(32).toString('base64');

/** Vietnam time `hours` ago, as an ISO string with +07:00. */
export function hoursAgo(hours: number): string {
  const local = new Date(Date.now() - hours * 3_600_000 + 7 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+07:00`;
}

/** A valid report, typed by the published document (ADR 0048); override what a test is about, wrong values too. */
export function report(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const valid: components['schemas']['ReportIncidentDto'] = {
    unitCode: '07882',
    category: 'criminal-offence',
    source: 'patrol',
    severity: 'serious',
    occurredAt: hoursAgo(5),
    summary: 'Trộm cắp xe máy tại chợ Dữu Lâu',
    locationText: 'Cổng chợ Dữu Lâu',
    people: { suspects: 1, victims: 1 },
  };
  return { ...valid, ...overrides };
}

/** The incidents service as a process on its own database and topics, fed units through the units topic. */
export class IncidentsUnderTest {
  readonly topicPrefix = uniqueTopicPrefix();
  readonly label = `incidents-${randomBytes(3).toString('hex')}`;
  database!: TestDatabase;
  service!: ServiceProcess;

  async start(extra: Record<string, string> = {}, nodeArgs: string[] = []): Promise<void> {
    this.database = await createTestDatabase('incidents');
    this.service = await startServiceProcess({
      service: 'incidents',
      label: this.label,
      nodeArgs,
      env: serviceEnv(this.database.url, this.topicPrefix, { INCIDENTS_INFORMANT_KEY: informantKey(), ...extra }),
    });
  }

  async stop(): Promise<void> {
    await this.service?.stop();
    await this.database?.drop();
  }

  /** Publishes unit events as the units service would, and waits until the replica has applied them. */
  async publishUnits(events: EventEnvelope[]): Promise<void> {
    await publishEvents(topicFor('unit', this.topicPrefix), events);
    const ids = events.map((event) => event.id);
    await waitFor(
      async () => (await this.sql<{ n: string }>(`SELECT count(*) AS n FROM consumer_inbox WHERE event_id = ANY($1::uuid[])`, [ids]))[0]!.n,
      (applied) => Number(applied) === ids.length,
      { timeoutMs: 60_000, description: 'the units replica to apply the published unit events' },
    );
  }

  async call(method: string, path: string, body?: unknown, options: { caller?: Caller; headers?: Record<string, string> } = {}): Promise<{ status: number; body: Json; headers: Headers }> {
    const response = await fetch(`${this.service.url}${path}`, {
      method,
      headers: { authorization: await bearer(options.caller ?? callers.policeVietTri), 'content-type': 'application/json', ...options.headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }

  /** Reports an incident and expects it recorded. */
  async report(body: Record<string, unknown> = report(), as: Caller = callers.policeVietTri): Promise<Json> {
    const response = await this.call('POST', '/api/v1/incidents', body, { caller: as });
    if (response.status !== 201) throw new Error(`report answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** Takes a lifecycle step with the version last read. */
  step(id: string, version: number, body: Record<string, unknown>, as: Caller): Promise<{ status: number; body: Json; headers: Headers }> {
    return this.call('POST', `/api/v1/incidents/${id}/transitions`, body, { caller: as, headers: { 'if-match': `"${version}"` } });
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

  /** The row and the outbox of an incident: what "nothing changed" is checked against. */
  async snapshot(id: string): Promise<unknown> {
    const [row] = await this.sql(`SELECT status, version, unit_code, verified_at, referred_at, indicted_at, tried_at, closed_at, close_reason, verdict FROM incidents WHERE id = $1`, [id]);
    const outbox = await this.sql(`SELECT event_id, event_type FROM outbox WHERE message_key = $1 ORDER BY position`, [id]);
    const history = await this.sql(`SELECT sequence, action FROM incident_history WHERE incident_id = $1 ORDER BY sequence`, [id]);
    return { row, outbox, history };
  }

  /** Every event of the incidents topic, decoded, in partition order. */
  async incidentEvents(): Promise<EventEnvelope[]> {
    return (await readTopic(topicFor('incident', this.topicPrefix))).map((message) => JSON.parse(message.value!.toString('utf8')) as EventEnvelope);
  }

  /** Everything the service process wrote to stdout and stderr so far. */
  logs(): string {
    const folder = join(repoRoot(), 'test-artifacts', 'logs');
    return readdirSync(folder)
      .filter((file) => file.startsWith(`${this.label}-`))
      .map((file) => readFileSync(join(folder, file), 'utf8'))
      .join('\n');
  }
}
