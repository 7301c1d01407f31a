import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { flushTracing } from '@binh-yen/telemetry';

/** Sends the spans still batched when the service stops (SIGTERM, a rolling update), after the consumers ended theirs. */
@Injectable()
export class TracingFlush implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await flushTracing().catch(() => undefined);
  }
}
