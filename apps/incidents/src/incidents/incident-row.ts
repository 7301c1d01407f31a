import { allowedTransitions, type AllowedTransition, type CaseStatus } from '@binh-yen/incidents-domain';

/** An incident as read from the database, with its unit as the replica knows it now. */
export interface IncidentRow {
  id: string;
  unit_id: string | null;
  unit_code: string;
  area: string;
  current_path: string | null;
  unit_name: string | null;
  category: string;
  domain: string;
  source: string;
  severity: string | null;
  occurred_at: Date;
  reported_at: Date;
  recorded_at: Date;
  summary: string;
  location_text: string | null;
  latitude: number | null;
  longitude: number | null;
  suspects: number;
  victims: number;
  injured: number;
  deaths: number;
  has_informant: boolean;
  possible_duplicate_of: string[];
  status: CaseStatus;
  version: number;
  verified_at: Date | null;
  referred_at: Date | null;
  indicted_at: Date | null;
  tried_at: Date | null;
  closed_at: Date | null;
  close_reason: string | null;
  verdict: string | null;
  sentence_summary: string | null;
  reported_by: string;
  reporting_agency: string;
}

export const INCIDENT_SELECT = `SELECT i.*, ku.path AS current_path, ku.name AS unit_name
  FROM incidents i LEFT JOIN known_units ku ON ku.unit_id = i.unit_id`;

/** The path the incident counts under now: its unit's current path (legacy rows: the stored area). */
export const pathOf = (row: Pick<IncidentRow, 'current_path' | 'area'>): string => row.current_path ?? row.area;

/** What callers see of an incident; never the informant (only whether there is one). */
export interface IncidentView {
  id: string;
  unitId: string | null;
  unitCode: string;
  unitName: string | null;
  area: string;
  category: string;
  domain: string;
  source: string;
  severity: string | null;
  occurredAt: string;
  reportedAt: string;
  recordedAt: string;
  summary: string;
  locationText: string | null;
  coordinates: { latitude: number; longitude: number } | null;
  people: { suspects: number; victims: number; injured: number; deaths: number };
  hasInformant: boolean;
  possibleDuplicateOf: string[];
  status: CaseStatus;
  closeReason: string | null;
  verdict: string | null;
  sentenceSummary: string | null;
  milestones: { verifiedAt: string | null; referredAt: string | null; indictedAt: string | null; triedAt: string | null; closedAt: string | null };
  version: number;
  nextActions: AllowedTransition[];
}

const iso = (value: Date | null): string | null => (value ? new Date(value).toISOString() : null);

export function toView(row: IncidentRow): IncidentView {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    area: pathOf(row),
    category: row.category,
    domain: row.domain,
    source: row.source,
    severity: row.severity,
    occurredAt: new Date(row.occurred_at).toISOString(),
    reportedAt: new Date(row.reported_at).toISOString(),
    recordedAt: new Date(row.recorded_at).toISOString(),
    summary: row.summary,
    locationText: row.location_text,
    coordinates: row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : null,
    people: { suspects: row.suspects, victims: row.victims, injured: row.injured, deaths: row.deaths },
    hasInformant: row.has_informant,
    possibleDuplicateOf: row.possible_duplicate_of,
    status: row.status,
    closeReason: row.close_reason,
    verdict: row.verdict,
    sentenceSummary: row.sentence_summary,
    milestones: { verifiedAt: iso(row.verified_at), referredAt: iso(row.referred_at), indictedAt: iso(row.indicted_at), triedAt: iso(row.tried_at), closedAt: iso(row.closed_at) },
    version: row.version,
    nextActions: allowedTransitions(row.status),
  };
}
