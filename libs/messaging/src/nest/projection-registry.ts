import { allTopics, eventCatalog, topicFor, type AggregateType } from '@binh-yen/contracts';
import type { ProjectionDefinition, ProjectionHandler } from '../consumer/projection';

/** The extras of a projection's `@EventPattern(topic, { projection, version, eventTypes })`. */
export interface ProjectionPattern {
  /** Stable name; with the version it makes the consumer group and the inbox key. */
  projection: string;
  version: number;
  /** Event types it applies; other known types on its topics pass by unapplied. */
  eventTypes: readonly string[];
}

interface Registration {
  definition: ProjectionDefinition & { topics: string[] };
  handler: ProjectionHandler;
  /** The decorator's extras object: one per handler method, shared by the topics of its pattern list. */
  extras: object;
}

const knownTopics = new Set(allTopics());
const topicOfType = new Map(eventCatalog.map((definition) => [definition.type, topicFor(definition.aggregateType as AggregateType)]));

/**
 * The projections Nest registered with the server, one handler each. What cannot run is
 * collected and refused at start (`problems`): two handlers claiming one projection, a
 * request-reply pattern, an unknown topic or event type, an event type of a topic the
 * projection does not read.
 */
export class ProjectionRegistry {
  private readonly registrations = new Map<string, Registration>();
  readonly problems: string[] = [];

  add(topic: unknown, handler: ProjectionHandler, isEventHandler: boolean, extras: Record<string, unknown>): void {
    const where = `@${isEventHandler ? 'EventPattern' : 'MessagePattern'}(${JSON.stringify(topic)})`;
    if (!isEventHandler) return void this.problems.push(`${where}: events are consumed, never answered (queries go over HTTP); use @EventPattern`);
    if (typeof topic !== 'string' || !knownTopics.has(topic)) return void this.problems.push(`${where}: not a topic of the catalog (${[...knownTopics].join(', ')})`);
    const pattern = asProjectionPattern(extras);
    if (!pattern) return void this.problems.push(`${where}: needs { projection, version, eventTypes } (a name, a version ≥ 1, event types)`);
    const key = `${pattern.projection}.v${pattern.version}`;
    const existing = this.registrations.get(key);
    if (!existing) {
      const definition = { name: pattern.projection, version: pattern.version, topics: [topic], eventTypes: [...pattern.eventTypes] };
      this.registrations.set(key, { definition, handler, extras });
    } else if (existing.extras !== extras || existing.definition.topics.includes(topic)) {
      return void this.problems.push(`${where}: projection ${key} already has a handler; one projection, one handler (its consumer group and inbox are one)`);
    } else {
      existing.definition.topics.push(topic);
    }
  }

  /** Event types that are unknown or belong to a topic the projection does not read. */
  checkEventTypes(): void {
    for (const [key, { definition }] of this.registrations) {
      for (const type of definition.eventTypes) {
        const topic = topicOfType.get(type);
        if (!topic) this.problems.push(`projection ${key}: unknown event type ${type}`);
        else if (!definition.topics.includes(topic)) this.problems.push(`projection ${key}: ${type} travels on ${topic}, which it does not read`);
      }
    }
  }

  all(): readonly { definition: ProjectionDefinition; handler: ProjectionHandler }[] {
    return [...this.registrations.values()];
  }
}

function asProjectionPattern(extras: Record<string, unknown>): ProjectionPattern | undefined {
  const { projection, version, eventTypes } = extras;
  const valid =
    typeof projection === 'string' &&
    projection.length > 0 &&
    Number.isInteger(version) &&
    (version as number) >= 1 &&
    Array.isArray(eventTypes) &&
    eventTypes.length > 0 &&
    eventTypes.every((type) => typeof type === 'string');
  return valid ? { projection, version: version as number, eventTypes: eventTypes as string[] } : undefined;
}
