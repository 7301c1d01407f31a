import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { currentRequestId } from '@binh-yen/http';
import { currentTraceIds } from '@binh-yen/telemetry';

type JsonLogOptions = { context: string; logLevel: LogLevel; writeStreamType?: 'stdout' | 'stderr'; errorStack?: unknown };

/**
 * Nest's console logger whose JSON lines (LOG_FORMAT=json) also carry the request id and the
 * active trace and span ids, so a log pipeline can join the lines of one request or event to its trace.
 */
export class ServiceLogger extends ConsoleLogger {
  protected override getJsonLogObject(message: unknown, options: JsonLogOptions): ReturnType<ConsoleLogger['getJsonLogObject']> {
    const line = super.getJsonLogObject(message, options) as ReturnType<ConsoleLogger['getJsonLogObject']> & Record<string, unknown>;
    const ids = currentTraceIds();
    if (ids) {
      line['traceId'] = ids.traceId;
      line['spanId'] = ids.spanId;
    }
    const requestId = currentRequestId();
    if (requestId) line['requestId'] = requestId;
    return line;
  }
}
