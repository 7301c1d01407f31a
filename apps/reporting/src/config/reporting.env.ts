import { IsInt, Max, Min } from 'class-validator';
import { ServiceEnv } from '@binh-yen/service-runtime';

/** The reporting service's environment; see .env.example. */
export class ReportingEnv extends ServiceEnv {
  override PORT: number = 3104;

  /** Days after a quarter ends by which districts submit their report. */
  @IsInt() @Min(0) @Max(90)
  REPORT_DEADLINE_DAYS: number = 10;

  /** Live streams (GET /reports/freshness/stream) one caller may hold at once. */
  @IsInt() @Min(1) @Max(100)
  REPORT_STREAMS_PER_CALLER: number = 5;
}
