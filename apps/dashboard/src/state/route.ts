import { useCallback, useEffect, useState } from 'react';

export const PAGES = ['overview', 'compare', 'map', 'report', 'submissions', 'work'] as const;
/** The officers' forms, the incident's page and the incident rows behind a figure: reached from other pages, not from the main navigation. */
export const FORM_PAGES = ['report-incident', 'incident', 'rate-unit', 'campaign-activity', 'hotspot', 'pledge', 'incidents'] as const;
export type Page = (typeof PAGES)[number] | (typeof FORM_PAGES)[number];

export interface Route {
  page: Page;
  params: Record<string, string>;
}

/** Hash routes (#/report?area=25.227&quarter=2026-Q3): any static server can serve the app. */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const page = ([...PAGES, ...FORM_PAGES] as readonly string[]).includes(path) ? (path as Page) : 'overview';
  return { page, params: Object.fromEntries(new URLSearchParams(search)) };
}

export function routeHref(page: Page, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
  return `#/${page}${search ? `?${search}` : ''}`;
}

export function useRoute(): [Route, (page: Page, params: Record<string, string | undefined>) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  const navigate = useCallback((page: Page, params: Record<string, string | undefined>) => {
    window.location.hash = routeHref(page, params);
  }, []);
  return [route, navigate];
}
