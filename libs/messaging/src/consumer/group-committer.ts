/** Work for one transaction; `decoded.length` is its size in events. */
export interface PendingChunk {
  decoded: readonly unknown[];
}

interface Waiting<T> {
  chunk: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for one consumer: chunks submitted while transactions run wait and go
 * together into the next one (up to `maxEvents`, at least one chunk). Partitions of one
 * fetch then cost one transaction instead of one each. At most `lanes` transactions run
 * at once (their projection writes take turns, see ApplyGate). A group that fails is not
 * retried as a group: each of its chunks then runs alone, where errors are classified,
 * retried and isolated.
 */
export class GroupCommitter<T extends PendingChunk> {
  private readonly waiting: Waiting<T>[] = [];
  private active = 0;

  constructor(
    private readonly lanes: number,
    private readonly maxEvents: number,
    private readonly applyGroup: (group: readonly T[]) => Promise<void>,
    private readonly applyAlone: (chunk: T) => Promise<void>,
  ) {}

  /** Resolves once the chunk's transaction committed; rejects with its final error. */
  submit(chunk: T): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.waiting.push({ chunk, resolve, reject }));
    if (this.active < this.lanes) void this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    this.active += 1;
    try {
      while (this.waiting.length > 0) {
        // The other partitions of the same fetch are a few microtasks behind: let them in.
        await new Promise((resolve) => setImmediate(resolve));
        const group = this.nextGroup();
        if (group.length === 0) continue; // the other lane took them meanwhile
        const [only] = group;
        if (group.length === 1 && only) {
          await this.settle(only, () => this.applyAlone(only.chunk));
          continue;
        }
        try {
          await this.applyGroup(group.map((waiting) => waiting.chunk));
          for (const waiting of group) waiting.resolve();
        } catch {
          for (const waiting of group) await this.settle(waiting, () => this.applyAlone(waiting.chunk));
        }
      }
    } finally {
      this.active -= 1;
    }
  }

  /** The oldest waiting chunk and those behind it that fit with it. */
  private nextGroup(): Waiting<T>[] {
    const group: Waiting<T>[] = [];
    let events = 0;
    for (let next = this.waiting[0]; next; next = this.waiting[0]) {
      const size = next.chunk.decoded.length;
      if (group.length > 0 && events + size > this.maxEvents) break;
      group.push(next);
      events += size;
      this.waiting.shift();
    }
    return group;
  }

  private async settle(waiting: Waiting<T>, work: () => Promise<void>): Promise<void> {
    try {
      await work();
      waiting.resolve();
    } catch (error) {
      waiting.reject(error);
    }
  }
}
