import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The incident as a typical team maps it: one entity, one table, saved as it came. No
 * timeline, no outbox, no audit, no informant sealing: what the naive peer leaves out.
 */
@Entity({ name: 'naive_incidents' })
export class NaiveIncident {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text', nullable: true })
  domain!: string | null;

  @Column({ type: 'text', default: 'agency-report' })
  source!: string;

  @Column({ type: 'text', nullable: true })
  severity!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'location_text', type: 'text', nullable: true })
  locationText!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  coordinates!: { latitude: number; longitude: number } | null;

  @Column({ type: 'jsonb', nullable: true })
  people!: Record<string, number> | null;

  @Column({ type: 'text', default: 'reported' })
  status!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
