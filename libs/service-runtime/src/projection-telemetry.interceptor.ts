import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { MESSAGING_OPTIONS, ProjectionContext, type MessagingOptions } from '@binh-yen/messaging';
import { contextFromTraceparent, endSpan, SpanKind, tracer, tracingEnabled, type Span } from '@binh-yen/telemetry';
import { Histogram, type Registry } from 'prom-client';
import type { Observable } from 'rxjs';

/**
 * Tracing and metrics of projection handlers, once per batch (one transaction): a consumer
 * span per applied event, a child of the relay's publish span (the message's `event-traceparent`
 * header, else its `traceparent`, else the envelope's), and the batch's duration by outcome.
 * Both end when the transaction commits or rolls back, not when the handler returns. Requests
 * pass untouched.
 */
@Injectable()
export class ProjectionTelemetryInterceptor implements NestInterceptor {
  private readonly batches = new Histogram({
    name: 'binhyen_projection_batch_seconds',
    help: 'Time from a projection handler being called to its transaction ending, by outcome (committed, rolled-back)',
    labelNames: ['projection', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [],
  });

  constructor(@Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions) {}

  register(registry: Registry): void {
    registry.registerMetric(this.batches);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const batch = context.switchToRpc().getContext<unknown>();
    if (!(batch instanceof ProjectionContext)) return next.handle();
    const spans = this.startSpans(batch);
    const stopTimer = this.batches.startTimer({ projection: batch.consumer });
    batch.onSettled((error) => {
      for (const span of spans) endSpan(span, error);
      stopTimer({ outcome: error === undefined ? 'committed' : 'rolled-back' });
    });
    return next.handle();
  }

  private startSpans(batch: ProjectionContext): Span[] {
    if (!tracingEnabled()) return [];
    const consumerTracer = tracer(this.messaging.serviceName);
    return batch.events.flatMap(({ event, topic, partition, offset, traceparent }) =>
      traceparent
        ? [
            consumerTracer.startSpan(
              `apply ${batch.consumer}`,
              {
                kind: SpanKind.CONSUMER,
                attributes: {
                  'messaging.operation.type': 'process',
                  'messaging.destination.name': topic,
                  'messaging.destination.partition.id': String(partition),
                  'messaging.kafka.offset': Number(offset),
                  'messaging.consumer.group.name': batch.groupId,
                  'messaging.message.id': event.id,
                  'binhyen.event.type': event.type,
                  'service.name': this.messaging.serviceName,
                },
              },
              contextFromTraceparent(traceparent),
            ),
          ]
        : [],
    );
  }
}
