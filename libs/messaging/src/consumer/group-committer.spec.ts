import { GroupCommitter, type PendingChunk } from './group-committer';

interface Chunk extends PendingChunk {
  name: string;
}

const chunk = (name: string, events = 1): Chunk => ({ name, decoded: Array.from({ length: events }) });

function recorder(failGroups = false): { committer: GroupCommitter<Chunk>; log: string[] } {
  const log: string[] = [];
  const committer = new GroupCommitter<Chunk>(
    1,
    10,
    async (group) => {
      log.push(`group ${group.map((c) => c.name).join('+')}`);
      if (failGroups) throw new Error('group failed');
    },
    async (single) => {
      log.push(`alone ${single.name}`);
      if (single.name === 'bad') throw new Error('cannot apply bad');
    },
  );
  return { committer, log };
}

describe('GroupCommitter', () => {
  it('puts the chunks that arrive together into one transaction', async () => {
    const { committer, log } = recorder();
    await Promise.all([committer.submit(chunk('p0')), committer.submit(chunk('p1')), committer.submit(chunk('p2'))]);
    expect(log).toEqual(['group p0+p1+p2']);
  });

  it('keeps a group within the event limit, in arrival order', async () => {
    const { committer, log } = recorder();
    await Promise.all([committer.submit(chunk('a', 6)), committer.submit(chunk('b', 4)), committer.submit(chunk('c', 1))]);
    expect(log).toEqual(['group a+b', 'alone c']);
  });

  it('applies the chunks of a failed group alone, and fails only the one that fails alone', async () => {
    const { committer, log } = recorder(true);
    const results = await Promise.allSettled([committer.submit(chunk('good')), committer.submit(chunk('bad'))]);
    expect(log).toEqual(['group good+bad', 'alone good', 'alone bad']);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
  });

  it('runs at most `lanes` transactions at a time', async () => {
    let running = 0;
    let most = 0;
    const committer = new GroupCommitter<Chunk>(
      2,
      1,
      async () => undefined,
      async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 2));
        running -= 1;
      },
    );
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => committer.submit(chunk(name))));
    expect(most).toBe(2);
  });
});
