import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { sqlWithinArea, type Caller } from '@binh-yen/auth';
import { pathsOverlap } from '@binh-yen/campaigns-domain';
import { notFound } from '@binh-yen/http';
import { DataSource } from 'typeorm';
import type { AgreementPageView, AgreementView } from './dto/agreement-views.dto';
import { AGREEMENT_COLUMNS, AgreementsRepository } from './agreements.repository';

/** A caller sees the agreements that apply somewhere in its area, or to all of it. */
@Injectable()
export class AgreementQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agreements: AgreementsRepository,
  ) {}

  async list(caller: Caller, cursor: string | undefined, limit: number): Promise<AgreementPageView> {
    const rows: AgreementView[] = await this.dataSource.query(
      `SELECT ${AGREEMENT_COLUMNS} FROM agreements a
        WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(a.scope) AS unit
                       WHERE ${sqlWithinArea('$1', "unit->>'path'")} OR ${sqlWithinArea("unit->>'path'", '$1')})
          AND ($2::uuid IS NULL OR a.id > $2)
        ORDER BY a.id LIMIT $3`,
      [caller.area, cursor ?? null, limit + 1],
    );
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
  }

  async get(id: string, caller: Caller): Promise<AgreementView> {
    const agreement = await this.agreements.find(this.dataSource, id);
    // One outside the caller's area is answered as one that does not exist (ADR 0025).
    if (!agreement || !agreement.scope.some((unit) => pathsOverlap(unit.path, caller.area))) throw notFound('agreement', `No agreement has the id ${id}.`);
    return agreement;
  }
}
