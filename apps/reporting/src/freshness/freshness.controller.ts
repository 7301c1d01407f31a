import { Controller, Get, Sse, type MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@binh-yen/auth';
import { distinctUntilChanged, from, interval, map, startWith, switchMap, type Observable } from 'rxjs';
import { READ_MODELS, type Freshness } from './projection-freshness';
import { ReportSnapshot } from './report-snapshot';

type FreshnessByProjection = Record<keyof typeof READ_MODELS, Freshness>;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports/freshness')
export class FreshnessController {
  constructor(private readonly snapshot: ReportSnapshot) {}

  /** Every projection's watermark from one snapshot, its lag against the topics' ends read after it. */
  private async all(): Promise<FreshnessByProjection> {
    return (await this.snapshot.read(READ_MODELS, async () => undefined)).currentAsOf;
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
  stream(): Observable<MessageEvent> {
    return interval(1_000).pipe(
      startWith(0),
      switchMap(() => from(this.all())),
      map((freshness) => JSON.stringify(freshness)),
      distinctUntilChanged(),
      map((data) => ({ type: 'freshness', data })),
    );
  }
}
