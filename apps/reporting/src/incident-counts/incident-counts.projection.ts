import { Injectable } from '@nestjs/common';
import { IncidentEventTypes, quarterOf, type EventEnvelope, type IncidentReportedV1 } from '@binh-yen/contracts';
import { ProjectionHandler, type Projection } from '@binh-yen/messaging';
import type { EntityManager } from 'typeorm';

export const INCIDENT_COUNTS = { name: 'incident-counts', version: 1 } as const;

/**
 * Incidents by area, quarter (Asia/Ho_Chi_Minh, of when it happened) and category.
 * The area is the one stamped on the event, i.e. the unit as it was then.
 */
@Injectable()
@ProjectionHandler({ ...INCIDENT_COUNTS, topics: ['incident'], eventTypes: [IncidentEventTypes.reported] })
export class IncidentCountsProjection implements Projection {
  async apply(events: readonly EventEnvelope[], tx: EntityManager): Promise<void> {
    // Count the batch in memory, then one upsert: a batch costs one round trip.
    const counts = new Map<string, CountRow>();
    for (const event of events) {
      const data = event.data as IncidentReportedV1;
      const quarter = quarterOf(data.occurredAt);
      const key = `${event.area}|${quarter}|${data.category}`;
      const row = counts.get(key) ?? { area: event.area, quarter, category: data.category, incidents: 0 };
      row.incidents += 1;
      counts.set(key, row);
    }
    const rows = [...counts.values()];
    await upsertCounts(tx, 'incident_counts_v1', rows);
    // The same counts under every ancestor of the area ("25", "25.227", "25.227.07894").
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
    await upsertCounts(tx, 'incident_rollup_v1', [...rollup.values()]);
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
