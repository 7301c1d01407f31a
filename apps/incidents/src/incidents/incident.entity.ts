import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row shape of an incident; never leaves the use cases and queries. */
@Entity({ name: 'incidents' })
export class IncidentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'unit_code' })
  unitCode!: string;

  @Column('text')
  area!: string;

  @Column('text')
  category!: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('timestamptz', { name: 'reported_at' })
  reportedAt!: Date;

  @Column('text')
  summary!: string;

  @Column('text')
  status!: string;

  @Column('integer')
  version!: number;

  @Column('text', { name: 'reported_by' })
  reportedBy!: string;

  @Column('text', { name: 'reporting_agency' })
  reportingAgency!: string;
}
