import { TableLogTransport } from './embedded-log/table-log-transport';
import { createKafka } from './kafka/kafka-connection';
import { KafkaTransport } from './kafka/kafka-transport';
import type { MessagingLogger } from './logger';
import type { MessagingOptions } from './nest/messaging-options';
import type { EventTransport } from './transport/event-transport';

/**
 * The transport the configuration asks for; the code above it is the same either way.
 * It lives beside the implementations it picks from, not in `transport/` (the abstraction
 * they implement), so nothing there imports back up.
 */
export function createEventTransport(options: MessagingOptions, logger?: MessagingLogger): EventTransport {
  if (options.eventTransport === 'embedded') {
    if (!options.embeddedEventsUrl) throw new Error('The embedded event transport needs embeddedEventsUrl (EMBEDDED_EVENTS_URL)');
    return new TableLogTransport({ url: options.embeddedEventsUrl, applicationName: `${options.serviceName}-events`, ...(logger ? { logger } : {}) });
  }
  return new KafkaTransport(createKafka({ brokers: options.brokers, clientId: options.serviceName, ...(options.kafkaSecurity ? { security: options.kafkaSecurity } : {}) }));
}
