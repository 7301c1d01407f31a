import type { QuarterlyReport, ReportDetail, ReportRow, ReportSection } from '../api/types';

// The quarterly report is generic (sections of rows and detail tables); these
// keys are the ones apps/reporting/src/report/quarterly-report.service.ts writes
// today and that get a chart of their own. Any other section (cases, campaigns,
// …) is still shown, with a generic chart and its table.
export const CHARTED_KEYS = ['movement', 'incidents', 'forces', 'pilots'] as const;

export function sectionOf(report: QuarterlyReport | undefined, key: string): ReportSection | undefined {
  return report?.sections.find((section) => section.key === key);
}

/** movement: units rated, then strong, fair, average, weak, then the certification row. */
export function ratingRows(movement: ReportSection | undefined): ReportRow[] {
  return movement?.rows.slice(1, 5) ?? [];
}

export function ratedRow(movement: ReportSection | undefined): ReportRow | undefined {
  return movement?.rows[0];
}

export function weakUnits(movement: ReportSection | undefined): ReportDetail | undefined {
  return movement?.details[0];
}

/** incidents: the rows of the categories (key "category.<slug>"), named by the taxonomy. */
export function incidentCategoryRows(incidents: ReportSection | undefined): ReportRow[] {
  return incidents?.rows.filter((row) => row.key.startsWith('category.')) ?? [];
}

/** forces: training sessions, people trained, hours; then teams and members per force type. */
export function trainingRows(forces: ReportSection | undefined): ReportRow[] {
  return forces?.rows.slice(0, 3) ?? [];
}

export function forceRows(forces: ReportSection | undefined): ReportRow[] {
  return forces?.rows.slice(3) ?? [];
}

export type PilotState = 'compliant' | 'missing' | 'too-many';

/** pilots: the first detail lists every district with its pilot units (the directive asks for 1–2). */
export function pilotCompliance(pilots: ReportSection | undefined): { code: string; name: string; pilots: string[]; state: PilotState }[] {
  return (pilots?.details[0]?.rows ?? []).map(([code = '', name = '', list = '']) => {
    const codes = list.split(',').map((c) => c.trim()).filter(Boolean);
    return { code, name, pilots: codes, state: codes.length === 0 ? 'missing' : codes.length > 2 ? 'too-many' : 'compliant' };
  });
}

export function otherSections(report: QuarterlyReport | undefined): ReportSection[] {
  return report?.sections.filter((section) => !(CHARTED_KEYS as readonly string[]).includes(section.key)) ?? [];
}
