import { api, bearer } from './client';
import type { FreshnessByProjection } from './types';

export interface StreamHandlers {
  onFreshness(freshness: FreshnessByProjection): void;
  onConnection(connected: boolean): void;
}

/**
 * The reporting service's server-sent events (GET /reports/freshness/stream).
 * EventSource cannot send a bearer token, so the stream is read through fetch;
 * it reconnects with backoff until stopped.
 */
export function followFreshness(token: string, handlers: StreamHandlers): () => void {
  const controller = new AbortController();
  let retryMs = 1_000;

  const readOnce = async (): Promise<void> => {
    const { response } = await api.reporting.GET('/api/v1/reports/freshness/stream', {
      headers: { ...bearer({ token }), accept: 'text/event-stream' },
      signal: controller.signal,
      cache: 'no-store',
      parseAs: 'stream',
    });
    if (!response.ok || !response.body) throw new Error(`freshness stream answered ${response.status}`);
    handlers.onConnection(true);
    retryMs = 1_000;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n');
        if (data) handlers.onFreshness(JSON.parse(data) as FreshnessByProjection);
      }
    }
  };

  void (async () => {
    while (!controller.signal.aborted) {
      try {
        await readOnce();
      } catch {
        // Dropped, refused or aborted: say so and try again (unless stopped).
      }
      if (controller.signal.aborted) return;
      handlers.onConnection(false);
      await new Promise((resolve) => setTimeout(resolve, retryMs));
      retryMs = Math.min(retryMs * 2, 15_000);
    }
  })();
  return () => controller.abort();
}
