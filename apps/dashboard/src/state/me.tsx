import { createContext, useContext, type ReactNode } from 'react';
import { fetchMe, type Me } from '../api/me';
import type { Session } from '../api/session';
import { useResource } from './use-resource';

const MeContext = createContext<Me | undefined>(undefined);

/** The caller as the services see it, for the header and for which forms to offer. */
export function MeProvider({ session, children }: { session: Session; children: ReactNode }): JSX.Element {
  const me = useResource((signal) => fetchMe(session.token, signal), [session.subject], { live: false });
  return <MeContext.Provider value={me.data}>{children}</MeContext.Provider>;
}

export function useMe(): Me | undefined {
  return useContext(MeContext);
}

/** Whether the policy (libs/auth, answered by /me) lets the caller take an action; false until known. */
export function useMay(action: Me['actions'][number]): boolean {
  return useMe()?.actions.includes(action) ?? false;
}
