import type { EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { OUTBOX_APPENDED } from '../outbox/outbox-writer';

/**
 * Wakes the relay of this process when a transaction that appended to the
 * outbox commits: milliseconds in every mode, and the only prompt wake-up
 * where NOTIFY is not delivered (embedded PGlite).
 */
export class RelayWakeSubscriber implements EntitySubscriberInterface {
  constructor(private readonly wake: () => void) {}

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown>;
    if (data[OUTBOX_APPENDED] === true) {
      data[OUTBOX_APPENDED] = false;
      this.wake();
    }
  }
}
