import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CaseActions, CaseStatuses, CloseReasons, IncidentSources, Severities, Verdicts, allowedTransitions, type AllowedTransition, type CaseAction, type CaseAgency, type CaseStatus, type CloseReason } from '@binh-yen/incidents-domain';

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

export class CoordinatesView {
  @ApiProperty({ example: 21.32 }) latitude!: number;
  @ApiProperty({ example: 105.4 }) longitude!: number;
}

export class PeopleView {
  @ApiProperty() suspects!: number;
  @ApiProperty() victims!: number;
  @ApiProperty() injured!: number;
  @ApiProperty() deaths!: number;
}

/** When the case reached each milestone; null until it has. */
export class MilestonesView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) verifiedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) referredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) indictedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) triedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
}

/** A step the case may take next, and which agencies may take it. */
export class AllowedTransitionView implements AllowedTransition {
  @ApiProperty({ enum: CaseActions }) action!: CaseAction;
  @ApiProperty({ enum: CaseStatuses }) to!: CaseStatus;
  @ApiProperty({ enum: ['police', 'procuracy', 'court', 'people-committee'], isArray: true }) agencies!: readonly CaseAgency[];
  @ApiPropertyOptional({ enum: CloseReasons, isArray: true, description: 'The reasons the step takes (closing)' }) reasons?: readonly CloseReason[];
}

/** What callers see of an incident in a list; never the informant (only whether there is one). */
export class IncidentSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: a unit the registry does not know (legacy rows)' }) unitId!: string | null;
  @ApiProperty({ example: '25.227.08' }) unitCode!: string;
  @ApiProperty({ type: String, nullable: true, description: "The unit's name as the replica knows it now" }) unitName!: string | null;
  @ApiProperty({ example: '25.227.08', description: "The path it counts under now (its unit's current path)" }) area!: string;
  @ApiProperty({ example: 'theft' }) category!: string;
  @ApiProperty({ example: 'social-order' }) domain!: string;
  @ApiProperty({ enum: IncidentSources }) source!: string;
  @ApiProperty({ type: String, enum: Severities, nullable: true }) severity!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) reportedAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, nullable: true }) locationText!: string | null;
  @ApiProperty({ type: CoordinatesView, nullable: true }) coordinates!: CoordinatesView | null;
  @ApiProperty({ type: PeopleView }) people!: PeopleView;
  @ApiProperty() hasInformant!: boolean;
  @ApiProperty({ type: [String], description: 'Ids of incidents it may repeat' }) possibleDuplicateOf!: string[];
  @ApiProperty({ enum: CaseStatuses }) status!: CaseStatus;
  @ApiProperty({ type: String, enum: CloseReasons, nullable: true }) closeReason!: string | null;
  @ApiProperty({ type: String, enum: Verdicts, nullable: true }) verdict!: string | null;
  @ApiProperty({ type: String, nullable: true }) sentenceSummary!: string | null;
  @ApiProperty({ type: MilestonesView }) milestones!: MilestonesView;
  @ApiProperty({ description: 'Send it in If-Match (the ETag carries it too)' }) version!: number;
}

/** One incident, with the steps it may take next. */
export class IncidentView extends IncidentSummaryView {
  @ApiProperty({ type: [AllowedTransitionView] }) nextActions!: AllowedTransition[];
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
