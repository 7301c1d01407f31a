import { AuditTrail } from '@binh-yen/audit';
import type { Caller } from '@binh-yen/auth';
import { CommandPipeline, commandContext } from '@binh-yen/command-pipeline';
import type { EventEnvelope } from '@binh-yen/contracts';
import type { IdempotencyService } from '@binh-yen/idempotency';
import type { MessagingOptions, OutboxWriter } from '@binh-yen/messaging';
import type { EntityManager } from 'typeorm';
import type { UnitRow } from '../shared/unit-row';
import { UnitsRepository } from '../shared/units.repository';
import { RenameUnitUseCase } from './rename-unit.use-case';

/** The units table in memory: the repository methods a rename uses, nothing else (any other would reach the dummy transaction and fail). */
class InMemoryUnits extends UnitsRepository {
  constructor(readonly rows: UnitRow[]) {
    super();
  }

  override async findByCode(_tx: EntityManager, code: string): Promise<UnitRow | null> {
    return this.copyOf(this.rows.find((row) => row.code === code));
  }

  override async findById(_tx: EntityManager, id: string): Promise<UnitRow | null> {
    return this.copyOf(this.rows.find((row) => row.id === id));
  }

  /** A read answers a copy, as a database does: a later write does not change what was read. */
  private copyOf(row: UnitRow | undefined): UnitRow | null {
    return row ? { ...row } : null;
  }

  override async rename(_tx: EntityManager, id: string, name: string): Promise<void> {
    this.rows.find((row) => row.id === id)!.name = name;
  }

  override async touch(_tx: EntityManager, id: string): Promise<number> {
    const row = this.rows.find((candidate) => candidate.id === id)!;
    row.version += 1;
    return row.version;
  }
}

/** The real pipeline over an in-memory key store and outbox: what the use case decides is what would be written. */
function pipelineRecording(): { pipeline: CommandPipeline; appended: EventEnvelope[][] } {
  const appended: EventEnvelope[][] = [];
  const idempotency = { run: async <T>(_key: unknown, _scope: unknown, _fingerprint: string, work: (tx: EntityManager) => Promise<T>) => ({ result: await work({} as EntityManager), replayed: false }) };
  const outbox = { append: async (_tx: EntityManager, events: readonly EventEnvelope[]) => void appended.push([...events]) };
  return { pipeline: new CommandPipeline(idempotency as unknown as IdempotencyService, outbox as unknown as OutboxWriter, new AuditTrail({ serviceName: 'units' } as MessagingOptions)), appended };
}

const giaCam = (status: UnitRow['status'] = 'active'): UnitRow => ({
  id: 'u-gia-cam',
  code: '07894',
  name: 'Phường Gia Cẩm',
  kind: 'commune',
  subkind: 'ward',
  parent_id: 'u-viet-tri',
  path: '25.227.07894',
  status,
  effective_from: '1998-04-21',
  effective_to: null,
  version: 3,
  latitude: null,
  longitude: null,
});

const officer = (area: string): Caller => ({ subject: 'officer-1', agency: 'police', roles: ['officer'], area });
const now = new Date('2026-07-01T02:00:00Z');

describe('RenameUnitUseCase (in memory)', () => {
  it('renames an active unit in the caller’s area: the new name normalised, one unit.renamed after the audit, the version bumped', async () => {
    const units = new InMemoryUnits([giaCam()]);
    const { pipeline, appended } = pipelineRecording();
    const view = await new RenameUnitUseCase(pipeline, units).execute('07894', { name: '  Phường   Gia Cẩm mới ', effectiveFrom: '2026-07-01' }, commandContext(officer('25.227'), { expectedVersion: 3, now }));
    expect(view).toMatchObject({ code: '07894', name: 'Phường Gia Cẩm mới', version: 4 });
    expect(appended).toHaveLength(1);
    expect(appended[0]!.map((event) => event.type)).toEqual(['audit.recorded', 'unit.renamed']);
    expect(appended[0]![1]).toMatchObject({ sequence: 4, area: '25.227.07894', occurredAt: now.toISOString(), data: { code: '07894', name: 'Phường Gia Cẩm mới', previousName: 'Phường Gia Cẩm', effectiveFrom: '2026-07-01' } });
  });

  it('refuses a unit outside the caller’s area, a stale If-Match and a unit no longer active, and changes nothing', async () => {
    const cases: [UnitRow, Caller, number | undefined, number, string][] = [
      [giaCam(), officer('25.237'), undefined, 403, 'outside'],
      [giaCam(), officer('25'), 2, 412, 'stale'],
      [giaCam('merged'), officer('25'), undefined, 422, 'not active'],
    ];
    for (const [row, caller, expectedVersion, status, label] of cases) {
      const units = new InMemoryUnits([row]);
      const { pipeline, appended } = pipelineRecording();
      const refused = await new RenameUnitUseCase(pipeline, units)
        .execute('07894', { name: 'Tên mới', effectiveFrom: '2026-07-01' }, commandContext(caller, { expectedVersion, now }))
        .then(() => undefined, (error: unknown) => error as { toProblem(): { status: number } });
      // Both a problem and a rule violation say the HTTP status they answer.
      const answered = refused?.toProblem().status;
      expect({ label, answered }).toEqual({ label, answered: status });
      expect({ label, name: units.rows[0]!.name, version: units.rows[0]!.version, appended }).toEqual({ label, name: row.name, version: 3, appended: [] });
    }
  });
});
