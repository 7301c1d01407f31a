import { reportingApi } from '../api/reporting-api';
import { unitsApi } from '../api/units-api';
import type { Session } from '../api/session';
import type { UnitView } from '../api/types';
import { codeOf } from '../components/area-toolbar';
import { buildComparison, type Comparison } from './comparison';
import { allFigures } from './incident-figures';

export interface AreaChildren {
  area: UnitView;
  /** Active units one level down, in the registry's order. */
  children: UnitView[];
}

/** The area and its active units one level down (the units service's subtree). */
export async function loadChildren(session: Session, area: string, signal: AbortSignal): Promise<AreaChildren> {
  const subtree = await unitsApi.subtree(session, codeOf(area), signal);
  const self = subtree.find((unit) => unit.path === area);
  if (!self) throw new Error(`No unit at ${area}`);
  return { area: self, children: subtree.filter((unit) => unit.parentId === self.id && unit.status === 'active') };
}

/**
 * Everything the comparison shows, from the reporting APIs that exist: each child's quarterly
 * report (ratings, people trained), the area's incident rows (by domain and status, the same
 * rows a drill-through lists) and the districts' submission states.
 */
export async function loadComparison(session: Session, area: string, quarter: string, language: string, signal: AbortSignal): Promise<Comparison & AreaChildren> {
  const { area: self, children } = await loadChildren(session, area, signal);
  const [reports, incidents, submissions] = await Promise.all([
    Promise.all(children.map(async (child) => [child.path, await reportingApi.quarterly(session, { area: child.path, quarter, lang: language as 'vi' | 'en' }, signal)] as const)),
    allFigures(session, { area, from: quarter, to: quarter }, signal),
    reportingApi.submissionStatus(session, quarter, signal),
  ]);
  return { area: self, children, ...buildComparison({ area: self, children, reports: new Map(reports), incidents, submissions: submissions.districts }) };
}
