import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TAXONOMY_AREA, TaxonomyEventTypes, uuidv7, type EventEnvelope, type TaxonomyCategoryChangedV1, type TaxonomyDomainChangedV1 } from '@binh-yen/contracts';
import { OutboxWriter } from '@binh-yen/messaging';
import { DataSource, type EntityManager } from 'typeorm';

type Kind = 'domain' | 'category';
const TABLE: Record<Kind, string> = { domain: 'incident_security_domains', category: 'incident_categories' };

interface EntryRow {
  slug: string;
  name_vi: string;
  name_en: string;
  active: boolean;
  default_domain?: string;
  revision: number;
  updated_at: Date;
}

const actor = { agency: 'system', subject: 'incidents-taxonomy' };

/** The event of an entry at its revision: the whole entry, valid from `validFrom`. */
function entryEvent(kind: Kind, row: EntryRow, validFrom: Date, who: { agency: string; subject: string }): EventEnvelope<TaxonomyDomainChangedV1 | TaxonomyCategoryChangedV1> {
  const entry = { slug: row.slug, nameVi: row.name_vi, nameEn: row.name_en, active: row.active, validFrom: validFrom.toISOString() };
  return {
    id: uuidv7(),
    type: kind === 'domain' ? TaxonomyEventTypes.domainChanged : TaxonomyEventTypes.categoryChanged,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregate: { type: 'taxonomy', id: `${kind}:${row.slug}` },
    sequence: row.revision,
    actor: who,
    area: TAXONOMY_AREA,
    data: kind === 'domain' ? entry : { ...entry, defaultDomain: row.default_domain! },
  };
}

/** Publishes taxonomy entries through the outbox, in the transaction that changed them (ADR 0042). */
@Injectable()
export class TaxonomyEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  /**
   * After an upsert in `tx`: raise the entry's revision and give its event, for the command
   * pipeline to write with the change (a CTE: TypeORM answers a bare UPDATE … RETURNING with a count beside the rows).
   */
  async changed(tx: EntityManager, kind: Kind, slug: string, who: { agency: string; subject: string }, now: Date): Promise<EventEnvelope> {
    const [row]: EntryRow[] = await tx.query(`WITH changed AS (UPDATE ${TABLE[kind]} SET revision = revision + 1 WHERE slug = $1 RETURNING *) SELECT * FROM changed`, [slug]);
    return entryEvent(kind, row!, now, who);
  }

  /** Entries never published (revision 0: from before the events existed), each as valid since its last change. */
  async publishUnpublished(tx: EntityManager): Promise<number> {
    let published = 0;
    for (const kind of ['domain', 'category'] as const) {
      const rows: EntryRow[] = await tx.query(`WITH published AS (UPDATE ${TABLE[kind]} SET revision = 1 WHERE revision = 0 RETURNING *) SELECT * FROM published ORDER BY slug`);
      if (rows.length > 0) await this.outbox.append(tx, rows.map((row) => entryEvent(kind, row, new Date(row.updated_at), actor)));
      published += rows.length;
    }
    return published;
  }
}

/** At start: the taxonomy as it stood before its events existed reaches the readers once. */
@Injectable()
export class TaxonomyPublisher implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: TaxonomyEvents,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Two replicas starting together: the row locks of the UPDATE let one publish, the other find none.
    await this.dataSource.transaction((tx) => this.events.publishUnpublished(tx));
  }
}
