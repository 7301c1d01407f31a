import { StoredOffsetsConsumerLag } from './consumer-lag';

describe('consumer lag in the embedded mode (table log)', () => {
  it("is each partition's end offset minus the next offset the projection stored, from the beginning when it stored none", async () => {
    const ends = new Map([['binhyen.unit', new Map([[0, 10n], [1, 4n], [2, 0n]])]]);
    const stored = [
      { topic: 'binhyen.unit', partition: 0, next_offset: '7' },
      { topic: 'binhyen.unit', partition: 2, next_offset: '0' },
    ];
    const lag = new StoredOffsetsConsumerLag(
      { endOffsets: async (topics) => new Map(topics.map((topic) => [topic, ends.get(topic) ?? new Map<number, bigint>()])) },
      { query: async (_sql: string, parameters: unknown[]) => (parameters[0] === 'movement.v1' ? stored : []) },
    );
    const measured = await lag.measure([{ groupId: 'reporting.movement.v1', consumer: 'movement.v1', topics: ['binhyen.unit'] }]);
    expect(measured.map(({ partition, position, end, lag: behind }) => ({ partition, position, end, behind }))).toEqual([
      { partition: 0, position: 7n, end: 10n, behind: 3n },
      { partition: 1, position: 0n, end: 4n, behind: 4n },
      { partition: 2, position: 0n, end: 0n, behind: 0n },
    ]);
    expect(new Set(measured.map((entry) => entry.group))).toEqual(new Set(['reporting.movement.v1']));
  });
});
