import { Inject, Injectable } from '@nestjs/common';
import { topicFor, type AggregateType } from '@binh-yen/contracts';
import {
  EVENT_TRANSPORT,
  MESSAGING_OPTIONS,
  MessagingHealth,
  readWatermark,
  StoredOffsetsConsumerLag,
  type ConsumerState,
  type EventTransport,
  type MessagingOptions,
  type Watermark,
} from '@binh-yen/messaging';
import type { EntityManager } from 'typeorm';
import { CAMPAIGN_FIGURES, CAMPAIGN_TOPICS } from '../campaigns/campaigns.projection';
import { CASE_PIPELINE } from '../cases/case-pipeline.projection';
import { INCIDENT_COUNTS } from '../incident-counts/incident-counts.projection';
import { MOVEMENT_PROJECTION } from '../movement/movement.projection';

export interface Freshness {
  /** Time of the latest event the projection has applied. */
  lastEventAt: string | null;
  /** When it last applied a batch. */
  appliedAt: string | null;
  /** Messages on its topics not yet applied (null when the log cannot be asked). */
  lag: number | null;
  /**
   * `rebalancing`: this process's consumer of it is joining its group (after a start or a crash,
   * or while partitions move) and applies nothing meanwhile; `catching-up`: it applies, and events
   * wait (or the lag is unknown); `current`: nothing waits.
   */
  state: FreshnessState;
}

export type FreshnessState = 'current' | 'catching-up' | 'rebalancing';

/** Consumer states in which nothing is applied until the group is joined (again). */
const JOINING: readonly ConsumerState[] = ['starting', 'rebalancing', 'retrying'];

/** A read model as a report answer names it: its projection's bookkeeping name and the topics it follows. */
export interface ReadModel {
  name: string;
  version: number;
  topics: readonly AggregateType[];
}

/** The read models the report answers are built from, by the key their `currentAsOf` uses. */
export const READ_MODELS = {
  movement: { ...MOVEMENT_PROJECTION, topics: ['unit', 'model'] },
  incidents: { ...INCIDENT_COUNTS, topics: ['incident'] },
  campaigns: { ...CAMPAIGN_FIGURES, topics: CAMPAIGN_TOPICS },
  cases: { ...CASE_PIPELINE, topics: ['incident'] },
} as const satisfies Record<string, ReadModel>;

const consumerOf = (model: ReadModel): string => `${model.name}.v${model.version}`;

/**
 * Up to when a projection is current, and how far behind its topics it is, read inside the
 * snapshot its figures come from (ReportSnapshot): the watermark and the applied offsets are
 * stored in the same transactions as the projection's rows, so "current as of" is never later
 * than the figures. The topics' ends are read after the snapshot began, so the lag is never
 * smaller than it was when the figures were read (issue 24).
 */
@Injectable()
export class ProjectionFreshness {
  constructor(
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions,
    private readonly health: MessagingHealth,
  ) {}

  /** Must be the snapshot's first read: it is what fixes the snapshot. */
  async inSnapshot<K extends string>(snapshot: Pick<EntityManager, 'query'>, models: Record<K, ReadModel>): Promise<Record<K, Freshness>> {
    const entries = Object.entries<ReadModel>(models);
    const watermarks: Watermark[] = [];
    for (const [, model] of entries) watermarks.push(await readWatermark(snapshot, consumerOf(model)));
    const groups = entries.map(([, model]) => ({
      groupId: consumerOf(model),
      consumer: consumerOf(model),
      topics: model.topics.map((aggregate) => topicFor(aggregate, this.messaging.topicPrefix)),
    }));
    const partitions = await new StoredOffsetsConsumerLag(this.transport, snapshot).measure(groups).catch(() => null);
    const { consumers } = await this.health.report();
    const answer = {} as Record<K, Freshness>;
    entries.forEach(([key, model], index) => {
      const summed = partitions?.filter((partition) => partition.group === consumerOf(model)).reduce((total, partition) => total + partition.lag, 0n);
      const lag = summed === undefined ? null : Number(summed);
      const consumer = consumers.find((candidate) => candidate.consumer === consumerOf(model));
      const state: FreshnessState = consumer && JOINING.includes(consumer.state) ? 'rebalancing' : lag === 0 ? 'current' : 'catching-up';
      answer[key as K] = { ...watermarks[index]!, lag, state };
    });
    return answer;
  }
}
