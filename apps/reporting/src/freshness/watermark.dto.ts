import { ApiProperty } from '@nestjs/swagger';
import type { Freshness } from './projection-freshness';

/** Up to when a projection is current (every report answer's currentAsOf, and /reports/freshness). */
export class WatermarkDto implements Freshness {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Time of the latest event applied' }) lastEventAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the projection last applied events' }) appliedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Events on its topics not yet applied' }) lag!: number | null;
  @ApiProperty({
    enum: ['current', 'catching-up', 'rebalancing'],
    description: 'rebalancing: joining its consumer group (after a restart), nothing applied meanwhile; catching-up: events wait; current: none wait',
  })
  state!: 'current' | 'catching-up' | 'rebalancing';
}
