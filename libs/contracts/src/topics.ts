/** Aggregate types: one Kafka topic each, carrying all of that aggregate's events. */
export const AggregateTypes = {
  /** Units and everything recorded about one unit: ratings, certification, pilots, forces, training. */
  unit: 'unit',
  /** Self-management models (they move between units when replicated). */
  model: 'model',
  incident: 'incident',
  campaign: 'campaign',
  /** Joint coordination agreements between agencies. */
  agreement: 'agreement',
  /** Records of a campaign's work kept apart from it: media stories and commendations. */
  recognition: 'recognition',
  /** Who changed what: one audit entry per write, keyed by the entity changed. */
  audit: 'audit',
  /** The incident taxonomy's entries (security domains, categories) as they change. */
  taxonomy: 'taxonomy',
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

/** Each aggregate's topic without a deployment prefix: what `@EventPattern` names. */
export const Topics: { readonly [A in AggregateType]: `binhyen.${A}` } = {
  unit: 'binhyen.unit',
  model: 'binhyen.model',
  incident: 'binhyen.incident',
  campaign: 'binhyen.campaign',
  agreement: 'binhyen.agreement',
  recognition: 'binhyen.recognition',
  audit: 'binhyen.audit',
  taxonomy: 'binhyen.taxonomy',
};

export function allTopics(prefix = ''): string[] {
  return Object.values(AggregateTypes).map((type) => topicFor(type, prefix));
}
