import { IncidentRuleViolation } from './incident-rule-violation';
import { IncidentSources, Severities, type IncidentSource, type Severity } from './taxonomy';
import { normaliseLine } from '@binh-yen/shared-kernel';

export interface PeopleInvolved {
  suspects: number;
  victims: number;
  injured: number;
  deaths: number;
}

export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** Who gave a public tip; stored apart and encrypted, never in events, logs or lists. */
export interface Informant {
  name: string;
  contact: string | null;
}

export interface IncidentReport {
  unitCode: string;
  category: string;
  occurredAt: Date;
  /** When the report reached the authorities; now unless given. */
  reportedAt?: Date | undefined;
  summary: string;
  source?: IncidentSource | undefined;
  severity?: Severity | undefined;
  locationText?: string | undefined;
  coordinates?: Coordinates | undefined;
  people?: Partial<PeopleInvolved> | undefined;
  informant?: Informant | undefined;
}

export interface ReportedIncident {
  id: string;
  unitCode: string;
  category: string;
  occurredAt: Date;
  reportedAt: Date;
  summary: string;
  source: IncidentSource;
  severity: Severity | null;
  locationText: string | null;
  coordinates: Coordinates | null;
  people: PeopleInvolved;
  informant: Informant | null;
  status: 'reported';
  version: 1;
}

/** Clocks of field devices drift; a few minutes ahead is not "in the future". */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** An officer recording what the agency itself learnt, when the source is not given. */
export const DEFAULT_SOURCE: IncidentSource = 'agency-report';

/** Registers a report: the incident starts its lifecycle as "reported". */
export function reportIncident(report: IncidentReport, id: string, now: Date): ReportedIncident {
  if (report.occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new IncidentRuleViolation('occurredAt', 'occurred-in-future', 'occurredAt lies in the future; give the time the incident happened (thời điểm xảy ra ở tương lai).');
  }
  const reportedAt = report.reportedAt ?? now;
  if (reportedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new IncidentRuleViolation('reportedAt', 'reported-in-future', 'reportedAt lies in the future (thời điểm tiếp nhận ở tương lai).');
  }
  if (reportedAt.getTime() + CLOCK_SKEW_MS < report.occurredAt.getTime()) {
    throw new IncidentRuleViolation('reportedAt', 'reported-before-occurred', 'reportedAt is before occurredAt; an incident is reported after it happens.');
  }
  const summary = normaliseLine(report.summary);
  if (summary.length === 0) {
    throw new IncidentRuleViolation('summary', 'empty-summary', 'summary is empty; describe what happened (cần mô tả vụ việc).');
  }
  const source = report.source ?? DEFAULT_SOURCE;
  if (!IncidentSources.includes(source)) throw new IncidentRuleViolation('source', 'unknown-source', `source must be one of ${IncidentSources.join(', ')}.`);
  if (report.severity !== undefined && !Severities.includes(report.severity)) {
    throw new IncidentRuleViolation('severity', 'unknown-severity', `severity must be one of ${Severities.join(', ')}.`);
  }
  let informant: Informant | null = null;
  if (report.informant) {
    if (source !== 'public-tip') {
      throw new IncidentRuleViolation('informant', 'informant-only-for-tips', 'informant details belong to a public tip only (source "public-tip"); other sources have no informant.');
    }
    const name = normaliseLine(report.informant.name);
    if (name.length === 0) throw new IncidentRuleViolation('informant.name', 'empty-informant-name', 'informant.name is empty.');
    const contact = report.informant.contact ? normaliseLine(report.informant.contact) : '';
    informant = { name, contact: contact.length > 0 ? contact : null };
  }
  const people: PeopleInvolved = { suspects: 0, victims: 0, injured: 0, deaths: 0, ...definedOnly(report.people ?? {}) };
  for (const [field, count] of Object.entries(people)) {
    if (!Number.isInteger(count) || count < 0) throw new IncidentRuleViolation(`people.${field}`, 'people-count', `people.${field} must be a whole number, 0 or more.`);
  }
  const locationText = report.locationText ? normaliseLine(report.locationText) : '';
  return {
    id,
    unitCode: report.unitCode.trim(),
    category: report.category,
    occurredAt: report.occurredAt,
    reportedAt,
    summary,
    source,
    severity: report.severity ?? null,
    locationText: locationText.length > 0 ? locationText : null,
    coordinates: report.coordinates ?? null,
    people,
    informant,
    status: 'reported',
    version: 1,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
