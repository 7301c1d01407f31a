import { Controller, Get, Sse, type MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, type Caller } from '@binh-yen/auth';
import { distinctUntilChanged, finalize, from, interval, map, startWith, switchMap, type Observable } from 'rxjs';
import { CAMPAIGN_FIGURES, CAMPAIGN_TOPICS } from '../campaigns/campaigns.projection';
import { CASE_PIPELINE } from '../cases/case-pipeline.projection';
import { INCIDENT_COUNTS } from '../incident-counts/incident-counts.projection';
import { MOVEMENT_PROJECTION } from '../movement/movement.projection';
import { ProjectionFreshness, type Freshness } from './projection-freshness';
import { StreamQuota } from './stream-quota';

type FreshnessByProjection = Record<string, Freshness>;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports/freshness')
export class FreshnessController {
  constructor(
    private readonly freshness: ProjectionFreshness,
    private readonly quota: StreamQuota,
  ) {}

  private async all(): Promise<FreshnessByProjection> {
    return {
      movement: await this.freshness.of(MOVEMENT_PROJECTION, ['unit', 'model']),
      incidents: await this.freshness.of(INCIDENT_COUNTS, ['incident']),
      campaigns: await this.freshness.of(CAMPAIGN_FIGURES, CAMPAIGN_TOPICS),
      cases: await this.freshness.of(CASE_PIPELINE, ['incident']),
    };
  }

  @Get()
  @Allow('report.read')
  @ApiOperation({ summary: 'Up to when each projection is current, and its lag' })
  current(): Promise<FreshnessByProjection> {
    return this.all();
  }

  /** Server-sent events: a message whenever a projection moves, so views refresh without polling. */
  @Sse('stream')
  @Allow('report.read')
  @ApiOperation({ summary: 'Server-sent events whenever a projection applies new events' })
  stream(@CurrentCaller() caller: Caller): Observable<MessageEvent> {
    // A place per open stream, given back when the client goes (Nest unsubscribes then).
    const release = this.quota.acquire(caller.subject);
    return interval(1_000).pipe(
      finalize(release),
      startWith(0),
      switchMap(() => from(this.all())),
      map((freshness) => JSON.stringify(freshness)),
      distinctUntilChanged(),
      map((data) => ({ type: 'freshness', data })),
    );
  }
}
