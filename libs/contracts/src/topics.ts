/** Aggregate types: one Kafka topic each, carrying all of that aggregate's events. */
export const AggregateTypes = {
  unit: 'unit',
  incident: 'incident',
  campaign: 'campaign',
} as const;

export type AggregateType = (typeof AggregateTypes)[keyof typeof AggregateTypes];

const TOPIC_NAMESPACE = 'binhyen';

/**
 * Topic of an aggregate type. The prefix isolates environments and test files
 * that share one broker ("t3f9a." → "t3f9a.binhyen.incident").
 */
export function topicFor(aggregateType: AggregateType, prefix = ''): string {
  return `${prefix}${TOPIC_NAMESPACE}.${aggregateType}`;
}

/** Dead letters of a topic go beside it. */
export function deadLetterTopicFor(topic: string): string {
  return `${topic}.dlq`;
}

export function allTopics(prefix = ''): string[] {
  return Object.values(AggregateTypes).map((type) => topicFor(type, prefix));
}
