import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ProjectionFreshness, type Freshness, type ReadModel } from './projection-freshness';

/** What a report answer's reads go through: one connection, one snapshot. */
export type SnapshotReader = Pick<EntityManager, 'query'>;

/**
 * A report answer read from one snapshot (issue 24): its figures and the watermark of every
 * read model it names come from one REPEATABLE READ, READ ONLY transaction, so the answer's
 * "current as of" is exactly the state its figures show, whatever the projectors apply
 * meanwhile. Every read of `read` must go through the reader it is given.
 */
@Injectable()
export class ReportSnapshot {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly freshness: ProjectionFreshness,
  ) {}

  async read<T, K extends string>(models: Record<K, ReadModel>, read: (reader: SnapshotReader) => Promise<T>): Promise<{ figures: T; currentAsOf: Record<K, Freshness> }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      // The watermarks first: the snapshot is taken at the transaction's first read.
      const currentAsOf = await this.freshness.inSnapshot(runner.manager, models);
      const figures = await read(runner.manager);
      await runner.commitTransaction();
      return { figures, currentAsOf };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
