import type { Caller } from '@binh-yen/auth';
import { AuditTrail } from '@binh-yen/audit';
import type { EventEnvelope } from '@binh-yen/contracts';
import type { IdempotencyService } from '@binh-yen/idempotency';
import type { AlongsideStatement, MessagingOptions, OutboxWriter } from '@binh-yen/messaging';
import type { EntityManager } from 'typeorm';
import { commandContext, checkExpectedVersion, requireExpectedVersion } from './command-context';
import { CommandPipeline } from './command-pipeline';

const caller: Caller = { subject: 'officer-1', agency: 'police', roles: ['officer'], area: '25' };
const tx = {} as EntityManager;

/** The pipeline's neighbours, recorded: what was appended, in how many statements, under which key. */
function pipelineWith(options: { audit?: boolean; outbox?: boolean } = {}) {
  const appended: { events: readonly EventEnvelope[]; alongside: AlongsideStatement | undefined }[] = [];
  const runs: { key: string | undefined; command: string; fingerprint: string }[] = [];
  const idempotency = {
    run: async <T>(key: string | undefined, scope: { command: string }, fingerprint: string, work: (manager: EntityManager) => Promise<T>) => {
      runs.push({ key, command: scope.command, fingerprint });
      return { result: await work(tx), replayed: false };
    },
  } as unknown as IdempotencyService;
  const outbox = { append: async (_tx: EntityManager, events: readonly EventEnvelope[], alongside?: AlongsideStatement) => void appended.push({ events, alongside }) } as unknown as OutboxWriter;
  const audit = new AuditTrail({ serviceName: 'units' } as MessagingOptions);
  const pipeline = new CommandPipeline(idempotency, options.outbox === false ? undefined : outbox, options.audit === false ? undefined : audit);
  return { pipeline, appended, runs };
}

const event = (id: string): EventEnvelope => ({ id, type: 'unit.renamed', version: 1, occurredAt: '2026-01-01T00:00:00.000Z', aggregate: { type: 'unit', id: 'u1' }, sequence: 2, actor: { agency: 'police', subject: 'officer-1' }, area: '25', data: {} });
const entry = { action: 'unit.reorganise', entityType: 'unit', entityId: 'u1', area: '25', before: { name: 'A' }, after: { name: 'B' } };

describe('CommandPipeline', () => {
  it('writes the audit row, audit.recorded and the change’s events in one outbox statement, audit first', async () => {
    const { pipeline, appended } = pipelineWith();
    const view = await pipeline.run({ name: 'rename-unit', request: { code: '25' } }, commandContext(caller), async () => ({ view: { ok: true }, audit: entry, events: [event('e1'), event('e2')] }));
    expect(view).toEqual({ ok: true });
    expect(appended).toHaveLength(1);
    expect(appended[0]!.events.map((written) => written.type)).toEqual(['audit.recorded', 'unit.renamed', 'unit.renamed']);
    expect(appended[0]!.alongside?.sql).toContain('INSERT INTO audit_log');
    expect(appended[0]!.alongside?.params).toContain('officer-1');
  });

  it('appends events without an audit row when the command has none, and writes nothing for a bare answer', async () => {
    const { pipeline, appended } = pipelineWith();
    await pipeline.run({ name: 'import-units', request: null }, commandContext(caller), async () => ({ view: 1, events: [event('e1')] }));
    await pipeline.run({ name: 'submit-report', request: null }, commandContext(caller), async () => ({ view: 2 }));
    expect(appended).toEqual([{ events: [event('e1')], alongside: undefined }]);
  });

  it('fingerprints the request only when a key is given, under the command’s name', async () => {
    const { pipeline, runs } = pipelineWith();
    await pipeline.run({ name: 'rate-unit', request: { b: 1, a: 2 } }, commandContext(caller, { idempotencyKey: 'k1' }), async () => ({ view: null }));
    await pipeline.run({ name: 'rate-unit', request: { a: 2, b: 1 } }, commandContext(caller), async () => ({ view: null }));
    expect(runs[0]).toMatchObject({ key: 'k1', command: 'rate-unit' });
    expect(runs[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(runs[1]).toEqual({ key: undefined, command: 'rate-unit', fingerprint: '' });
  });

  it('refuses a decision it cannot record rather than dropping its events or audit', async () => {
    await expect(pipelineWith({ outbox: false }).pipeline.run({ name: 'x', request: null }, commandContext(caller), async () => ({ view: 1, events: [event('e1')] }))).rejects.toThrow(/no outbox/);
    await expect(pipelineWith({ audit: false }).pipeline.run({ name: 'x', request: null }, commandContext(caller), async () => ({ view: 1, audit: entry }))).rejects.toThrow(/no audit trail/);
  });
});

describe('version prologue', () => {
  it('requires If-Match where the update needs it (428) and compares it (412)', () => {
    expect(() => requireExpectedVersion(commandContext(caller), 3)).toThrow(expect.objectContaining({ problem: expect.objectContaining({ status: 428 }) }));
    expect(() => requireExpectedVersion(commandContext(caller, { expectedVersion: 2 }), 3)).toThrow(expect.objectContaining({ problem: expect.objectContaining({ status: 412 }) }));
    expect(() => requireExpectedVersion(commandContext(caller, { expectedVersion: 3 }), 3)).not.toThrow();
  });

  it('compares an optional If-Match only when given', () => {
    expect(() => checkExpectedVersion(commandContext(caller), 3)).not.toThrow();
    expect(() => checkExpectedVersion(commandContext(caller, { expectedVersion: 2 }), 3)).toThrow(expect.objectContaining({ problem: expect.objectContaining({ status: 412 }) }));
  });
});
