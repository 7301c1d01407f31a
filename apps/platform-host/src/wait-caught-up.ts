import { MessagingHealth } from '@binh-yen/messaging';
import { Client } from 'pg';
import type { HostedServices } from './host-services';
import { SERVICE_NAMES } from './embedded-settings';

interface Progress {
  backlog: number;
  lag: number;
  notRunning: string[];
}

/**
 * Ready means caught up: every outbox is published and every projection has
 * applied everything in the log (its group's committed offsets at the end).
 */
export async function waitUntilCaughtUp(services: HostedServices, eventsUrl: string, timeoutMs = 120_000): Promise<void> {
  const log = new Client({ connectionString: eventsUrl, application_name: 'embedded-readiness' });
  await log.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const progress = await measure(services, log);
      if (progress.backlog === 0 && progress.lag === 0 && progress.notRunning.length === 0) return;
      if (Date.now() > deadline) {
        throw new Error(`not caught up after ${timeoutMs} ms: ${progress.backlog} unpublished, ${progress.lag} unapplied, not running: ${progress.notRunning.join(', ') || 'none'}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await log.end();
  }
}

async function measure(services: HostedServices, log: Client): Promise<Progress> {
  const progress: Progress = { backlog: 0, lag: 0, notRunning: [] };
  for (const service of SERVICE_NAMES) {
    const report = await services[service].app.get(MessagingHealth).report();
    progress.backlog += report.relay?.backlog ?? 0;
    for (const consumer of report.consumers) {
      if (consumer.state !== 'running') {
        progress.notRunning.push(`${consumer.groupId} (${consumer.state})`);
        continue;
      }
      const { rows } = await log.query<{ lag: string | null }>(
        `SELECT sum(p.next_offset - COALESCE(g.next_offset, 0)) AS lag
           FROM event_log_partitions p
           LEFT JOIN event_log_group_offsets g ON g.group_id = $1 AND g.topic = p.topic AND g.partition = p.partition
          WHERE p.topic = ANY($2::text[])`,
        [consumer.groupId, consumer.topics],
      );
      progress.lag += Number(rows[0]?.lag ?? 0);
    }
  }
  return progress;
}
