import { Injectable } from '@nestjs/common';
import type { HealthCheck, HealthCheckResult } from '@binh-yen/http';
import { MessagingHealth } from '@binh-yen/messaging';
import { DataSource } from 'typeorm';

@Injectable()
export class DatabaseHealthCheck implements HealthCheck {
  readonly name = 'database';

  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<HealthCheckResult> {
    await this.dataSource.query('SELECT 1');
    return { ok: true };
  }
}

@Injectable()
export class MessagingHealthCheck implements HealthCheck {
  readonly name = 'messaging';

  constructor(private readonly messaging: MessagingHealth) {}

  /** Detail only: serving traffic does not wait for the event path (ADR 0037). */
  async check(): Promise<HealthCheckResult> {
    const report = await this.messaging.report();
    return { ok: true, detail: { relay: report.relay, consumers: report.consumers } };
  }

  /** A consumer or the relay dead for good, past the grace, fails liveness. */
  live(): HealthCheckResult {
    const { live, dead, graceSeconds } = this.messaging.liveness();
    return dead.length === 0 ? { ok: true } : { ok: live, detail: { dead, graceSeconds } };
  }
}
