import { sessionFromToken, type Session } from './token-claims';

export { isWithinArea, may, sessionFromToken, type Session } from './token-claims';

const STORAGE_KEY = 'binh-yen.token';

// The tab's session storage: the token leaves with the tab, and no other site reads it.
export function loadSession(): Session | null {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  return stored ? sessionFromToken(stored) : null;
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, session.token);
  else sessionStorage.removeItem(STORAGE_KEY);
}
