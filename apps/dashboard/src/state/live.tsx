import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { followFreshness } from '../api/freshness-stream';
import type { Session } from '../api/session';
import type { FreshnessByProjection } from '../api/types';

interface Live {
  freshness: FreshnessByProjection | null;
  connected: boolean;
  /** Grows whenever a projection moves: views that read it fetch again. */
  version: number;
}

const LiveContext = createContext<Live>({ freshness: null, connected: false, version: 0 });

/** Follows the freshness stream for the signed-in user and tells the views when to refresh. */
export function LiveProvider({ session, children }: { session: Session; children: ReactNode }): JSX.Element {
  const [live, setLive] = useState<Live>({ freshness: null, connected: false, version: 0 });
  const seen = useRef<string | null>(null);
  useEffect(
    () =>
      followFreshness(session.token, {
        onFreshness: (freshness) => {
          const key = JSON.stringify(Object.fromEntries(Object.entries(freshness).map(([name, w]) => [name, w.lastEventAt])));
          const moved = seen.current !== null && seen.current !== key;
          seen.current = key;
          setLive((previous) => ({ freshness, connected: true, version: moved ? previous.version + 1 : previous.version }));
        },
        onConnection: (connected) => setLive((previous) => ({ ...previous, connected })),
      }),
    [session.token],
  );
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  return useContext(LiveContext);
}
