import { Controller, Get, Sse, UseGuards, type MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Allow } from '@binh-yen/auth';
import { distinctUntilChanged, from, interval, map, shareReplay, startWith, switchMap, type Observable } from 'rxjs';
import { READ_MODELS, type Freshness } from './projection-freshness';
import { ReportSnapshot } from './report-snapshot';
import { StreamQuotaGuard } from './stream-quota';
import { WatermarkDto } from './watermark.dto';

type FreshnessByProjection = Record<keyof typeof READ_MODELS, Freshness>;

/** Every read model's freshness, by the key the report answers' currentAsOf use. */
export class FreshnessByProjectionDto implements FreshnessByProjection {
  @ApiProperty({ type: WatermarkDto }) movement!: WatermarkDto;
  @ApiProperty({ type: WatermarkDto }) incidents!: WatermarkDto;
  @ApiProperty({ type: WatermarkDto }) campaigns!: WatermarkDto;
  @ApiProperty({ type: WatermarkDto }) cases!: WatermarkDto;
}

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
  @ApiOperation({ summary: 'Up to when each projection is current, its lag, and whether it is current, catching up or rebalancing (one snapshot)' })
  @ApiOkResponse({ type: FreshnessByProjectionDto })
  current(): Promise<FreshnessByProjection> {
    return this.all();
  }

  /** Server-sent events: a message whenever a projection moves, so views refresh without polling. */
  @Sse('stream')
  @Allow('report.read')
  @ApiOperation({ summary: 'Server-sent events whenever a projection applies new events' })
  @UseGuards(StreamQuotaGuard) // a place per open stream (REPORT_STREAMS_PER_CALLER), given back when the client goes
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'Server-sent events named freshness, each data line a FreshnessByProjectionDto as JSON',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  stream(): Observable<MessageEvent> {
    return this.changes.pipe(map((data) => ({ type: 'freshness', data })));
  }

  /**
   * One reading a second for every open stream together (each reading is a snapshot and a look at
   * the log's ends); a new stream starts from the latest.
   */
  private readonly changes: Observable<string> = interval(1_000).pipe(
    startWith(0),
    switchMap(() => from(this.all())),
    map((freshness) => JSON.stringify(freshness)),
    distinctUntilChanged(),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
}
