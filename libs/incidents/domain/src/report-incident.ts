import { IncidentRuleViolation } from './incident-rule-violation';

export interface IncidentReport {
  unitCode: string;
  category: string;
  occurredAt: Date;
  summary: string;
}

export interface ReportedIncident extends IncidentReport {
  id: string;
  reportedAt: Date;
  status: 'reported';
  version: 1;
}

/** Clocks of field devices drift; a few minutes ahead is not "in the future". */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Registers a report: the incident starts its lifecycle as "reported". */
export function reportIncident(report: IncidentReport, id: string, now: Date): ReportedIncident {
  if (report.occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new IncidentRuleViolation('occurredAt', 'occurred-in-future', 'occurredAt lies in the future; give the time the incident happened.');
  }
  const summary = report.summary.normalize('NFC').trim();
  if (summary.length === 0) {
    throw new IncidentRuleViolation('summary', 'empty-summary', 'summary is empty; describe what happened.');
  }
  return { ...report, summary, unitCode: report.unitCode.trim(), id, reportedAt: now, status: 'reported', version: 1 };
}
