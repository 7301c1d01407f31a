import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { requireInArea, sqlWithinArea, type Caller } from '@binh-yen/auth';
import { DataSource } from 'typeorm';
import type { ListIncidentsQuery } from './dto/list-incidents-query.dto';
import { CaseStatuses } from '@binh-yen/incidents-domain';
import { INCIDENT_SELECT, IncidentSummaryView, pathOf, toView, type IncidentRow, type IncidentView } from './incident-row';
import { incidentNotFound } from './incidents.repository';
import { foldForSearch } from '@binh-yen/shared-kernel';

export class IncidentPage {
  @ApiProperty({ type: [IncidentSummaryView] }) items!: IncidentSummaryView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last' }) nextCursor!: string | null;
}

export class TimelineEntry {
  @ApiProperty() sequence!: number;
  @ApiProperty({ example: 'verify' }) action!: string;
  @ApiProperty({ type: String, enum: CaseStatuses, nullable: true, description: 'null for the report' }) fromStatus!: string | null;
  @ApiProperty({ enum: CaseStatuses }) toStatus!: string;
  @ApiProperty({ example: 'police' }) agency!: string;
  @ApiProperty() actor!: string;
  /** When the step was recorded. */
  @ApiProperty({ format: 'date-time', description: 'When the step was recorded' }) at!: string;
  /** When the step was taken (the report: when it reached the authorities); stage durations run between these. */
  @ApiProperty({ format: 'date-time', description: 'When the step was taken (the report: when it reached the authorities)' }) takenAt!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the step recorded (reason, verdict, …)' }) details!: Record<string, unknown>;
}

export class IncidentTimeline {
  @ApiProperty({ format: 'uuid' }) incidentId!: string;
  @ApiProperty({ enum: CaseStatuses }) status!: string;
  @ApiProperty({ type: [TimelineEntry] }) entries!: TimelineEntry[];
}

/** The quarter [start, end) of Vietnam's calendar (UTC+7, no daylight saving). */
function quarterBounds(quarter: string): [Date, Date] {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const start = new Date(Date.UTC(year, (q - 1) * 3, 1) - 7 * 3_600_000);
  const end = new Date(Date.UTC(q === 4 ? year + 1 : year, q === 4 ? 0 : q * 3, 1) - 7 * 3_600_000);
  return [start, end];
}

/** The path an incident counts under now (the units replica's current path). */
const PATH = `COALESCE(ku.path, i.area)`;

/** Read side; every read is limited to the caller's area; never an informant. */
@Injectable()
export class IncidentQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListIncidentsQuery, caller: Caller): Promise<IncidentPage> {
    const limit = query.limit ?? 50;
    const [quarterFrom, quarterTo] = query.quarter ? quarterBounds(query.quarter) : [null, null];
    const words = query.q ? foldForSearch(query.q) : null;
    const rows: IncidentRow[] = await this.dataSource.query(
      `${INCIDENT_SELECT}
        WHERE ${sqlWithinArea(PATH, '$1')}
          AND ($2::text IS NULL OR ${sqlWithinArea(PATH, '$2')})
          AND ($3::text IS NULL OR i.category = $3)
          AND ($4::text IS NULL OR i.domain = $4)
          AND ($5::text IS NULL OR i.status = $5)
          AND ($6::text IS NULL OR i.source = $6)
          AND ($7::timestamptz IS NULL OR i.occurred_at >= $7)
          AND ($8::timestamptz IS NULL OR i.occurred_at < $8)
          AND ($9::timestamptz IS NULL OR i.occurred_at >= $9)
          AND ($10::timestamptz IS NULL OR i.occurred_at < $10)
          AND ($11::text IS NULL OR i.search_vector @@ plainto_tsquery('simple', $11))
          AND ($12::boolean IS NULL OR (cardinality(i.possible_duplicate_of) > 0) = $12)
          AND ($13::uuid IS NULL OR i.id < $13)
        ORDER BY i.id DESC
        LIMIT $14`,
      [
        caller.area,
        query.area ?? null,
        query.category ?? null,
        query.domain ?? null,
        query.status ?? null,
        query.source ?? null,
        query.from ?? null,
        query.to ?? null,
        quarterFrom,
        quarterTo,
        words,
        query.possibleDuplicate ?? null,
        query.cursor ?? null,
        limit + 1,
      ],
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => {
        const { nextActions: _omitted, ...item } = toView(row);
        return item;
      }),
      nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
    };
  }

  async byId(id: string, caller: Caller): Promise<IncidentView> {
    return toView(await this.visible(id, caller));
  }

  async timeline(id: string, caller: Caller): Promise<IncidentTimeline> {
    const incident = await this.visible(id, caller);
    const rows: { sequence: number; action: string; from_status: string | null; to_status: string; agency: string; actor: string; at: Date; taken_at: Date; note: string | null; details: Record<string, unknown> }[] =
      await this.dataSource.query(`SELECT * FROM incident_history WHERE incident_id = $1 ORDER BY sequence`, [id]);
    return {
      incidentId: id,
      status: incident.status,
      entries: rows.map((row) => ({
        sequence: row.sequence,
        action: row.action,
        fromStatus: row.from_status,
        toStatus: row.to_status,
        agency: row.agency,
        actor: row.actor,
        at: new Date(row.at).toISOString(),
        takenAt: new Date(row.taken_at).toISOString(),
        note: row.note,
        details: row.details,
      })),
    };
  }

  /** The incident if it lies in the caller's area; otherwise the answer of one that does not exist. */
  private async visible(id: string, caller: Caller): Promise<IncidentRow> {
    const rows: IncidentRow[] = await this.dataSource.query(`${INCIDENT_SELECT} WHERE i.id = $1`, [id]);
    return requireInArea(rows[0], pathOf, caller, () => incidentNotFound(id));
  }
}
