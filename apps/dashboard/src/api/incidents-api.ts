// The incidents service's operations the officers' forms use, typed as the service answers
// (apps/incidents/src/incidents/dto, incident-row.ts). One module per service, so a generated
// OpenAPI client can replace it without touching the forms.
import { getJson, sendCommand } from './client';
import type { Session } from './session';

export const INCIDENT_SOURCES = ['public-tip', 'patrol', 'agency-report', 'self-report', 'media'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

export interface TaxonomyEntry {
  slug: string;
  nameVi: string;
  nameEn: string;
  active: boolean;
}

export interface Taxonomy {
  domains: TaxonomyEntry[];
  categories: (TaxonomyEntry & { defaultDomain: string })[];
}

export interface ReportIncidentBody {
  unitCode: string;
  category: string;
  source: IncidentSource;
  occurredAt: string;
  summary: string;
  locationText?: string;
  people?: { suspects?: number; victims?: number; injured?: number; deaths?: number };
  informant?: { name: string; contact?: string };
}

export interface NextAction {
  action: string;
  to: string;
  agencies: string[];
  reasons?: string[];
}

export interface Incident {
  id: string;
  unitCode: string;
  unitName: string;
  category: string;
  domain: string;
  source: string;
  occurredAt: string;
  reportedAt: string;
  summary: string;
  locationText: string | null;
  people: { suspects: number; victims: number; injured: number; deaths: number };
  hasInformant: boolean;
  status: string;
  closeReason: string | null;
  verdict: string | null;
  sentenceSummary: string | null;
  version: number;
  nextActions: NextAction[];
}

export interface TimelineEntry {
  sequence: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  agency: string;
  actor: string;
  at: string;
  takenAt: string;
  note: string | null;
}

export interface TransitionBody {
  action: string;
  note?: string;
  reason?: string;
  verdict?: 'convicted' | 'acquitted';
  sentenceSummary?: string;
}

export const incidentsApi = {
  taxonomy: (session: Session, signal?: AbortSignal) => getJson<Taxonomy>(session, 'incidents', 'incident-taxonomy', {}, signal),
  list: (session: Session, query: { area?: string; status?: string; limit?: string }, signal?: AbortSignal) =>
    getJson<{ items: Incident[]; nextCursor: string | null }>(session, 'incidents', 'incidents', query, signal),
  get: (session: Session, id: string, signal?: AbortSignal) => getJson<Incident>(session, 'incidents', `incidents/${encodeURIComponent(id)}`, {}, signal),
  timeline: (session: Session, id: string, signal?: AbortSignal) =>
    getJson<{ incidentId: string; status: string; entries: TimelineEntry[] }>(session, 'incidents', `incidents/${encodeURIComponent(id)}/timeline`, {}, signal),
  report: (session: Session, body: ReportIncidentBody, idempotencyKey: string) => sendCommand<Incident>(session, 'incidents', 'incidents', { body, idempotencyKey }),
  transition: (session: Session, id: string, version: number, body: TransitionBody, idempotencyKey: string) =>
    sendCommand<Incident>(session, 'incidents', `incidents/${encodeURIComponent(id)}/transitions`, { body, idempotencyKey, ifMatch: `"${version}"` }),
  transfer: (session: Session, id: string, version: number, body: { toUnitCode: string; note?: string }, idempotencyKey: string) =>
    sendCommand<Incident>(session, 'incidents', `incidents/${encodeURIComponent(id)}/transfer`, { body, idempotencyKey, ifMatch: `"${version}"` }),
};
