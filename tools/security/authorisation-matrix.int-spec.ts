import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Client } from 'pg';
import { uuidv7 } from '@binh-yen/contracts';
import { Agencies, Roles, type Caller } from '@binh-yen/auth';
import {
  bearer,
  createTestDatabase,
  repoRoot,
  serviceEnv,
  startServiceProcess,
  testBrokers,
  uniqueTopicPrefix,
  waitFor,
  type ServiceProcess,
  type TestDatabase,
} from '@binh-yen/testing';
import { PINNED_ACTIONS, prepareFixtures, type Call } from './matrix-fixtures';
import {
  admittedCaller,
  admittedSummary,
  callerLabel,
  districtCallers,
  expectedOutcome,
  HOSTILE_AREAS,
  INSIDE,
  OUTSIDE,
  hostileTokens,
  isInside,
  isPublicPath,
  matrixCallers,
  operationsOf,
  pool,
  PREFIX_OUTSIDE,
  type Fixture,
  type Json,
  type Operation,
  type ServiceName,
} from './matrix-support';

const run = promisify(execFile);
const SERVICES: ServiceName[] = ['units', 'incidents', 'campaigns', 'reporting'];
const CONCURRENCY = 8;

interface Answer {
  status: number;
  body: Json;
  /** The `WWW-Authenticate` header of a 401. */
  challenge?: string | null;
}

/** A request every service must refuse with 401 whoever the caller claims to be: a hostile token or a hostile area. */
interface Probe {
  label: string;
  caller: Caller;
  authorization: string;
}

interface Mismatch {
  operation: string;
  caller: string;
  expected: string;
  got: string;
}

interface Row {
  operation: Operation;
  allowed: number;
  denied: number;
  mismatches: number;
  note: string;
}

/**
 * The authorisation matrix, generated from the running services: every operation of
 * every OpenAPI document × every role × every agency × inside and outside the area,
 * plus no token. Allowed → 2xx; denied → 401/403 and nothing changed in any database
 * or on any topic. See docs/adr/0018-authorisation-matrix.md.
 */
describe('the authorisation matrix: every operation × role × agency × area', () => {
  const prefix = uniqueTopicPrefix();
  const databases = {} as Record<ServiceName, TestDatabase>;
  const services = {} as Record<ServiceName, ServiceProcess>;
  const clients = {} as Record<ServiceName, Client>;
  let admin: Admin;
  const tokens = new Map<string, Promise<string>>();

  const tokenOf = (caller: Caller): Promise<string> => {
    const key = `${caller.subject}|${caller.agency}|${caller.roles.join(',')}|${caller.area}`;
    if (!tokens.has(key)) tokens.set(key, bearer(caller));
    return tokens.get(key)!;
  };

  async function send(service: ServiceName, caller: Caller | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}, authorization?: string): Promise<Answer> {
    const abort = new AbortController();
    const credentials = authorization ?? (caller ? await tokenOf(caller) : undefined);
    const response = await fetch(`${services[service].url}${path}`, {
      method,
      signal: abort.signal,
      headers: { ...(credentials ? { authorization: credentials } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const challenge = response.headers.get('www-authenticate');
    if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      abort.abort();
      return { status: response.status, body: null, challenge };
    }
    const text = await response.text();
    let parsed: Json = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (CSV, HTML): the status is what counts.
    }
    return { status: response.status, body: parsed, challenge };
  }

  const call: Call = async (service, caller, method, path, body, headers) => {
    const answer = await send(service, caller, method, path, body, headers);
    if (answer.status < 200 || answer.status >= 300) throw new Error(`fixture set-up ${method} ${service}${path} as ${callerLabel(caller)}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  const tables = {} as Record<ServiceName, string[]>;

  /** Every table's row count and content digest in every database, and the end offset of every topic of this test. */
  async function snapshot(): Promise<Map<string, string>> {
    const state = new Map<string, string>();
    await Promise.all(
      SERVICES.map(async (service) => {
        {
          // Read each time: a projection rebuild creates and drops tables beside the live ones.
          const rows = await clients[service].query<{ table_name: string }>(
            `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
          );
          tables[service] = rows.rows.map((row) => row.table_name);
        }
        const query = tables[service]
          .map((table) => `SELECT '${table}' AS t, count(*)::text || ':' || coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') AS v FROM "${table}" x`)
          .join(' UNION ALL ');
        for (const row of (await clients[service].query<{ t: string; v: string }>(query)).rows) state.set(`${service} table ${row.t}`, row.v);
      }),
    );
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    await Promise.all(
      topics.map(async (topic) => {
        const offsets = await admin.fetchTopicOffsets(topic);
        state.set(`topic ${topic}`, offsets.map((offset) => `${offset.partition}:${offset.high}`).join(','));
      }),
    );
    return state;
  }

  function differences(before: Map<string, string>, after: Map<string, string>): string[] {
    const keys = new Set([...before.keys(), ...after.keys()]);
    return [...keys].filter((key) => before.get(key) !== after.get(key)).map((key) => `${key} changed`);
  }

  /** Waits until nothing moves any more: relays published, consumers applied, projections caught up. */
  async function settle(): Promise<Map<string, string>> {
    let previous = await snapshot();
    let stable = 0;
    for (let i = 0; i < 200; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      const current = await snapshot();
      stable = differences(previous, current).length === 0 ? stable + 1 : 0;
      // Still for three looks in a row (over a second): longer than the relays' and consumers' poll intervals.
      if (stable >= 3) return current;
      previous = current;
    }
    throw new Error(`the platform did not settle: ${differences(previous, await snapshot()).join(', ')}`);
  }

  beforeAll(async () => {
    for (const service of SERVICES) databases[service] = await createTestDatabase(`matrix_${service}`);
    const informantKey = randomBytes(32).toString('base64');
    // One after another: four starting at once on a small machine can miss the start-up timeout.
    for (const service of SERVICES) {
      services[service] = await startServiceProcess({
        service,
        label: `matrix-${service}`,
        env: serviceEnv(databases[service].url, prefix, { INCIDENTS_INFORMANT_KEY: informantKey, RATE_LIMIT_PER_MINUTE: '1000000' }),
      });
    }
    await run(process.execPath, ['-r', '@swc-node/register', 'apps/units/src/import/import-units.cli.ts', join(repoRoot(), 'apps/units/seed/phu-tho-1998.csv'), '--effective-from=1998-04-21'], {
      cwd: repoRoot(),
      env: { ...process.env, ...serviceEnv(databases.units.url, prefix) },
    });
    for (const service of SERVICES) {
      clients[service] = new Client({ connectionString: databases[service].url });
      await clients[service].connect();
    }
    // The incidents and campaigns services place work in units they learned from the units' events.
    for (const service of ['incidents', 'campaigns'] as const) {
      await waitFor(async () => Number((await clients[service].query<{ n: string }>('SELECT count(*) AS n FROM known_units')).rows[0]!.n), (n) => n === 89, {
        timeoutMs: 60_000,
        description: `the ${service} service's units replica`,
      });
    }
    await waitFor(async () => Number((await clients.reporting.query<{ n: string }>(`SELECT count(*) AS n FROM report_units_v1`)).rows[0]!.n), (n) => n >= 89, {
      timeoutMs: 60_000,
      description: 'the reporting service’s units',
    });
    admin = new Kafka({ clientId: 'authorisation-matrix', brokers: testBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  }, 300_000);

  afterAll(async () => {
    await admin?.disconnect();
    await Promise.allSettled(Object.values(clients).map((client) => client.end()));
    await Promise.allSettled(Object.values(services).map((service) => service.stop()));
    await Promise.allSettled(Object.values(databases).map((database) => database.drop()));
  });

  /** Kept for the existence check, which runs on the same platform once the matrix is done. */
  let covered: Operation[] = [];
  let fixtures: Record<string, Fixture> = {};

  it('allows exactly what the policy allows, inside the area; refuses the rest with 401/403 and changes nothing', async () => {
    const started = Date.now();
    const prepared = await prepareFixtures(call);
    const shared = prepared.shared;
    fixtures = prepared.fixtures;
    const watcher: Caller = { subject: 'matrix-watcher', agency: 'system', roles: ['operator'], area: '25' };
    await waitFor(() => call('reporting', watcher, 'GET', `/api/v1/admin/projections/rebuilds/${shared.rebuildId}`), (status: Json) => status.finishedAt !== null, {
      timeoutMs: 60_000,
      description: 'the set-up rebuild to finish',
    });

    const operations: Operation[] = [];
    for (const service of SERVICES) {
      const response = await fetch(`${services[service].url}/api/docs/openapi.json`);
      expect(response.status).toBe(200);
      operations.push(...operationsOf(service, (await response.json()) as Parameters<typeof operationsOf>[1]));
    }
    const checked = operations.filter((operation) => !isPublicPath(operation.template));
    const problems: string[] = [];
    for (const operation of checked) {
      if (!operation.action) problems.push(`${operation.service} ${operation.key} declares no action: put @Allow(action) on the route`);
      else if (!fixtures[operation.key] || !PINNED_ACTIONS[operation.key]) {
        problems.push(`${operation.service} ${operation.key} (${operation.action}) has no fixture: add one (and its action to PINNED_ACTIONS) in tools/security/matrix-fixtures.ts`);
      } else if (PINNED_ACTIONS[operation.key] !== operation.action) {
        problems.push(`${operation.service} ${operation.key} declares ${operation.action}, the matrix pins ${PINNED_ACTIONS[operation.key]}: if the change is intended, update PINNED_ACTIONS in tools/security/matrix-fixtures.ts`);
      }
    }
    covered = checked.filter((operation) => operation.action && fixtures[operation.key] && PINNED_ACTIONS[operation.key] === operation.action);
    const callers = matrixCallers();
    const mismatches: Mismatch[] = [];
    const rows = new Map<Operation, Row>(covered.map((operation) => [operation, { operation, allowed: 0, denied: 0, mismatches: 0, note: '' }]));
    const record = (operation: Operation, caller: Caller | undefined, expected: string, got: Answer | string): void => {
      rows.get(operation)!.mismatches += 1;
      const shown = typeof got === 'string' ? got : `${got.status} ${got.body?.title ?? ''}${got.body?.detail ? ` — ${got.body.detail}` : ''}`.slice(0, 300);
      mismatches.push({ operation: `${operation.service} ${operation.key} (${operation.action})`, caller: callerLabel(caller), expected, got: shown });
    };
    const isRefusal = (fixture: Fixture, caller: Caller | undefined, answer: Answer): boolean => {
      if (!caller) return answer.status === 401;
      if (answer.status === 401 || answer.status === 403) return true;
      return !isInside(caller) && (fixture.outsideStatus?.statuses.includes(answer.status) ?? false);
    };
    const isAdmission = (fixture: Fixture, answer: Answer): boolean =>
      (answer.status >= 200 && answer.status < 300) || (fixture.admitted?.accepts(answer.status, answer.body) ?? false);

    // Denied batches first, one operation at a time, against a platform at rest: nothing may change.
    const planned = await Promise.all(covered.map(async (operation) => {
      const fixture = fixtures[operation.key]!;
      const action = operation.action!;
      // Beside every role × agency inside and outside: the district level for level-bound actions, and an
      // area that is Việt Trì's path as a string prefix only (issue 23, findings 3 and 5).
      const prefixCaller = admittedCaller(action, PREFIX_OUTSIDE, `matrix-prefix-${PREFIX_OUTSIDE}`);
      const everyone = [...callers, ...districtCallers(action), ...(prefixCaller ? [prefixCaller] : [])];
      const expectations = everyone.map((caller) => ({ caller, expected: expectedOutcome(caller, operation, fixture) }));
      // Hostile areas and hostile token shapes, for a caller the policy admits: refused with 401 (issue 23, findings 3 and 4).
      const admitted = admittedCaller(action, INSIDE, 'matrix-hostile');
      const probes: Probe[] = admitted
        ? [
            ...(await Promise.all(HOSTILE_AREAS.map(async (area) => ({ label: `area ${JSON.stringify(area)}`, caller: { ...admitted, area }, authorization: await bearer({ ...admitted, area }) })))),
            ...(await hostileTokens(admitted)).map((token) => ({ label: `token: ${token.label}`, caller: admitted, authorization: token.authorization })),
          ]
        : [];
      const row = rows.get(operation)!;
      row.allowed = expectations.filter((e) => e.expected).length;
      row.denied = expectations.length - row.allowed + 1 + probes.length;
      row.note = [fixture.unscoped ? `unscoped: ${fixture.unscoped}` : '', fixture.outsideStatus ? `outside ${fixture.outsideStatus.statuses.join('/')}: ${fixture.outsideStatus.why}` : '', fixture.admitted ? `admitted: ${fixture.admitted.why}` : '']
        .filter(Boolean)
        .join('; ');
      return { operation, fixture, expectations, probes };
    }));
    const analyst: Caller = { subject: 'matrix-analyst', agency: 'people-committee', roles: ['analyst'], area: '25' };
    await waitFor(() => call('reporting', analyst, 'GET', '/api/v1/reports/freshness'), (all: Record<string, { lag: number | null }>) => Object.values(all).every((p) => p.lag === 0), {
      timeoutMs: 60_000,
      description: 'every projection caught up',
    });
    let before = await settle();
    const deniedFrom = Date.now();
    for (const { operation, fixture, expectations, probes } of planned) {
      const denied: (Caller | undefined)[] = [undefined, ...expectations.filter((e) => !e.expected).map((e) => e.caller)];
      const requests = await Promise.all(denied.map(async (caller) => ({ caller, request: await fixture.request({ caller: caller ?? callers[0]!, expected: false }) })));
      await pool(requests, CONCURRENCY, async ({ caller, request }) => {
        const answer = await send(operation.service, caller, operation.method, request.path, request.body, request.headers).catch((error: Error) => ({ status: 0, body: { title: error.message } }));
        if (!isRefusal(fixture, caller, answer)) record(operation, caller, caller ? '401/403' : '401', answer);
      });
      const probed = await Promise.all(probes.map(async (probe) => ({ probe, request: await fixture.request({ caller: probe.caller, expected: false }) })));
      await pool(probed, CONCURRENCY, async ({ probe, request }) => {
        const answer: Answer = await send(operation.service, probe.caller, operation.method, request.path, request.body, request.headers, probe.authorization).catch((error: Error) => ({ status: 0, body: { title: error.message } }));
        if (answer.status !== 401 || !answer.challenge?.startsWith('Bearer ')) record(operation, probe.caller, `401 with WWW-Authenticate for ${probe.label}`, answer);
      });
      const after = await snapshot();
      for (const change of differences(before, after)) record(operation, undefined, 'nothing changed by the denied batch', change);
      before = after;
    }

    const allowedFrom = Date.now();
    // Then the allowed requests, each on its own target where the operation is one-shot.
    for (const { operation, fixture, expectations } of planned) {
      const allowed = expectations.filter((e) => e.expected).map((e) => e.caller);
      await pool(allowed, fixture.sequential ? 1 : CONCURRENCY, async (caller) => {
        try {
          const request = await fixture.request({ caller, expected: true });
          const answer = await send(operation.service, caller, operation.method, request.path, request.body, request.headers);
          if (!isAdmission(fixture, answer)) record(operation, caller, '2xx', answer);
          else if (!isInside(caller) && fixture.hiddenOutside) {
            const text = JSON.stringify(answer.body);
            for (const hidden of fixture.hiddenOutside()) if (text.includes(hidden)) record(operation, caller, `no ${hidden} in an outside caller's answer`, `${answer.status} shows ${hidden}`);
          }
        } catch (error) {
          record(operation, caller, '2xx', `fixture failed: ${(error as Error).message}`.slice(0, 400));
        }
      });
    }

    const table = [
      '| service | operation | action | admitted by the policy | allowed | denied | mismatches | notes |',
      '|---|---|---|---|---:|---:|---:|---|',
      ...[...rows.values()].map(
        (row) =>
          `| ${row.operation.service} | ${row.operation.key} | ${row.operation.action} | ${admittedSummary(row.operation.action)} | ${row.allowed} | ${row.denied} | ${row.mismatches === 0 ? '0' : `**${row.mismatches}**`} | ${row.note} |`,
      ),
    ].join('\n');
    const seconds = Math.round((Date.now() - started) / 1000);
    const phases = `set-up and settling ${Math.round((deniedFrom - started) / 1000)} s, denied batches ${Math.round((allowedFrom - deniedFrom) / 1000)} s, allowed ${Math.round((Date.now() - allowedFrom) / 1000)} s`;
    const requests = [...rows.values()].reduce((sum, row) => sum + row.allowed + row.denied, 0);
    const report = [
      '# Authorisation matrix',
      '',
      `${covered.length} operations × ${callers.length} callers (${Roles.length} roles × ${Agencies.length} agencies × inside 25 / outside 25.230) + no token, plus the district 25.227 for level-bound actions, the prefix area 25.22, ${HOSTILE_AREAS.length} hostile areas and ${(await hostileTokens(callers[0]!)).length} hostile token shapes = ${requests} requests in ${seconds} s (${phases}).`,
      'Allowed = `isAllowed(caller, action)` (role, agency, level) and inside the area (unless the note says why not); allowed → 2xx, denied → 401/403 with nothing changed in any database or topic; hostile areas and tokens → 401 with WWW-Authenticate.',
      '',
      table,
      '',
      problems.length > 0 ? `## Operations not checked\n\n${problems.map((problem) => `- ${problem}`).join('\n')}\n` : '',
      mismatches.length > 0 ? `## Mismatches\n\n${mismatches.map((m) => `- ${m.operation}: ${m.caller} expected ${m.expected}, got ${m.got}`).join('\n')}\n` : '',
    ].join('\n');
    mkdirSync(join(repoRoot(), 'test-artifacts', 'security'), { recursive: true });
    writeFileSync(join(repoRoot(), 'test-artifacts', 'security', 'authorisation-matrix.md'), report);
    process.stdout.write(`\n${report}\n`);

    expect(problems).toEqual([]);
    expect(mismatches.map((m) => `${m.operation}: ${m.caller} expected ${m.expected}, got ${m.got}`)).toEqual([]);
    expect(covered.length).toBeGreaterThan(60);
  }, 900_000);

  it('answers a record outside the caller’s area exactly as one that does not exist (issue 23, finding 7)', async () => {
    const differences: string[] = [];
    const byId = covered.filter((operation) => operation.template.includes('{id}') && !fixtures[operation.key]!.unscoped);
    expect(byId.length).toBeGreaterThan(15);
    for (const operation of byId) {
      const outsider = admittedCaller(operation.action!, OUTSIDE, 'matrix-existence');
      if (!outsider) continue;
      const request = await fixtures[operation.key]!.request({ caller: outsider, expected: false });
      const id = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(request.path)?.[0];
      if (!id) throw new Error(`${operation.key}: the fixture's path ${request.path} names no record id`);
      const unknown = uuidv7();
      const [outside, missing] = [
        await send(operation.service, outsider, operation.method, request.path, request.body, request.headers),
        await send(operation.service, outsider, operation.method, request.path.replace(id, unknown), request.body, request.headers),
      ];
      const shown = (answer: Answer, hidden: string): string => `${answer.status} ${answer.body?.type ?? ''} ${answer.body?.title ?? ''} ${String(answer.body?.detail ?? '').replaceAll(hidden, '<id>')}`;
      // The same words for both: mostly 404; a replication refuses the target unit (403) before it looks at the model.
      if (shown(outside, id) !== shown(missing, unknown)) {
        differences.push(`${operation.service} ${operation.key} as ${callerLabel(outsider)}: outside "${shown(outside, id)}", unknown "${shown(missing, unknown)}"`);
      }
    }
    expect(differences).toEqual([]);
  }, 300_000);
});
