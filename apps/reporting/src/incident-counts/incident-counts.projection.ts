import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { IncidentEventTypes, quarterOf, Topics, type IncidentEvent } from '@binh-yen/contracts';
import { EventDispatch, IGNORED, ProjectionContext } from '@binh-yen/messaging';
import type { EntityManager } from 'typeorm';

export const INCIDENT_COUNTS = { name: 'incident-counts', version: 1 } as const;

/** Adds `delta` incidents to an area, quarter and category of the batch's sums. */
type Add = (area: string, occurredAt: string, category: string, delta: number) => void;

/** What each incident event does to the counts; the case's steps do not move them. */
const counting = new EventDispatch<IncidentEvent, [Add]>({
  [IncidentEventTypes.reported]: (event, add) => add(event.area, event.data.occurredAt, event.data.category, 1),
  [IncidentEventTypes.transferred]: ({ data, occurredAt }, add) => {
    // A closed quarter's figures never move (they were reported): a case transferred
    // after its quarter ended stays counted where it was then.
    if (quarterOf(data.occurredAt) !== quarterOf(occurredAt)) return;
    add(data.fromArea, data.occurredAt, data.category, -1);
    add(data.toArea, data.occurredAt, data.category, 1);
  },
  [IncidentEventTypes.verified]: IGNORED,
  [IncidentEventTypes.rejected]: IGNORED,
  [IncidentEventTypes.investigationStarted]: IGNORED,
  [IncidentEventTypes.resolvedAtGrassroots]: IGNORED,
  [IncidentEventTypes.referredToProcuracy]: IGNORED,
  [IncidentEventTypes.indicted]: IGNORED,
  [IncidentEventTypes.returnedForInvestigation]: IGNORED,
  [IncidentEventTypes.notProsecuted]: IGNORED,
  [IncidentEventTypes.tried]: IGNORED,
  [IncidentEventTypes.closed]: IGNORED,
});

/**
 * Incidents by area, quarter (Asia/Ho_Chi_Minh, of when it happened) and category.
 * The area is the one stamped on `incident.reported` (v1 of the skeleton or v2),
 * i.e. the unit as it was then; `incident.transferred` within the incident's own
 * quarter moves the count from the area it was counted under to the receiving
 * unit's (a closed quarter stays as reported).
 */
@Controller()
export class IncidentCountsProjection {
  @EventPattern(Topics.incident, { projection: INCIDENT_COUNTS.name, version: INCIDENT_COUNTS.version, eventTypes: counting.eventTypes })
  async apply(@Payload() events: readonly IncidentEvent[], @Ctx() { manager }: ProjectionContext): Promise<void> {
    // Sum the batch's changes in memory, then one upsert: a batch costs one round trip.
    const counts = new Map<string, CountRow>();
    const add: Add = (area, occurredAt, category, delta) => {
      const quarter = quarterOf(occurredAt);
      const key = `${area}|${quarter}|${category}`;
      const row = counts.get(key) ?? { area, quarter, category, incidents: 0 };
      row.incidents += delta;
      counts.set(key, row);
    };
    for (const event of events) counting.apply(event, add);
    const rows = [...counts.values()].filter((row) => row.incidents !== 0);
    if (rows.length > 0) await upsertCounts(manager, 'incident_counts_v1', rows);
    // The same counts under every ancestor of the area ("25", "25.227", "25.227.07894");
    // a transfer within a district leaves the district's and province's counts as they were.
    const rollup = new Map<string, CountRow>();
    for (const row of rows) {
      const labels = row.area.split('.');
      for (let depth = 1; depth <= labels.length; depth++) {
        const area = labels.slice(0, depth).join('.');
        const key = `${area}|${row.quarter}|${row.category}`;
        const entry = rollup.get(key) ?? { ...row, area, incidents: 0 };
        entry.incidents += row.incidents;
        rollup.set(key, entry);
      }
    }
    const rolled = [...rollup.values()].filter((row) => row.incidents !== 0);
    if (rolled.length > 0) await upsertCounts(manager, 'incident_rollup_v1', rolled);
  }
}

interface CountRow {
  area: string;
  quarter: string;
  category: string;
  incidents: number;
}

async function upsertCounts(tx: EntityManager, table: 'incident_counts_v1' | 'incident_rollup_v1', rows: CountRow[]): Promise<void> {
  await tx.query(
      `INSERT INTO ${table} (area, quarter, category, incidents)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])
       ON CONFLICT (${table === 'incident_counts_v1' ? 'quarter, area, category' : 'area, quarter, category'})
       DO UPDATE SET incidents = ${table}.incidents + EXCLUDED.incidents`,
    [rows.map((row) => row.area), rows.map((row) => row.quarter), rows.map((row) => row.category), rows.map((row) => row.incidents)],
  );
}
