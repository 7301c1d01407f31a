import { useEffect, useState } from 'react';
import { useLive } from './live';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Loads what a view shows, again when its inputs change or when a projection
 * moves (live); the previous answer stays on screen while the next one loads.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, inputs: readonly unknown[], options: { live?: boolean } = {}): Resource<T> {
  const live = useLive();
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const [attempt, setAttempt] = useState(0);
  const liveVersion = options.live === false ? 0 : live.version;
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, error: undefined, loading: false }),
      (error: unknown) => !controller.signal.aborted && setState({ data: undefined, error, loading: false }),
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; its inputs are listed by the caller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...inputs, liveVersion, attempt]);
  return { ...state, reload: () => setAttempt((n) => n + 1) };
}
