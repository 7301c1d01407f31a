/**
 * One holder at a time, in arrival order. Two transactions of one consumer may be in
 * flight (one doing its offset and inbox bookkeeping while the other applies), but
 * their projection writes touch the same hot rows (e.g. the province's totals): they
 * take turns here, from `apply` until the commit, so they cannot deadlock on them.
 * A holder never waits for a transaction that waits here: bookkeeping locks only its
 * own partitions' offset rows and fresh inbox rows, which a projection never touches.
 */
export class ApplyGate {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves when it is the caller's turn; call the answer to let the next one in. */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => turn);
    await previous;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  }
}
