// The incidents service's operations the dashboard uses, through the generated client: the
// types are the published document's (@binh-yen/api-client).
import type { IncidentsOperations as operations, IncidentsSchemas as components } from '@binh-yen/api-client';
import { api, bearer, commandAnswer, commandHeaders, dataOf, ifMatch } from './client';
import type { Session } from './session';

type Schemas = components['schemas'];

export const INCIDENT_SOURCES = ['public-tip', 'patrol', 'agency-report', 'self-report', 'media'] as const satisfies readonly Schemas['ReportIncidentDto']['source'][];
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

export type TaxonomyEntry = Schemas['DomainView'];
export type Taxonomy = Schemas['TaxonomyView'];
export type ReportIncidentBody = Schemas['ReportIncidentDto'];
export type NextAction = Schemas['AllowedTransitionView'];
export type Incident = Schemas['IncidentView'];
export type IncidentSummary = Schemas['IncidentSummaryView'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type TransitionBody = Schemas['TransitionIncidentDto'];
export type TransferBody = Schemas['TransferIncidentDto'];

type ListQuery = NonNullable<operations['IncidentsController_list']['parameters']['query']>;

const byId = (id: string) => ({ path: { id } });

export const incidentsApi = {
  taxonomy: (session: Session, signal?: AbortSignal) => dataOf(api.incidents.GET('/api/v1/incident-taxonomy', { headers: bearer(session), signal })),
  list: (session: Session, query: ListQuery, signal?: AbortSignal) => dataOf(api.incidents.GET('/api/v1/incidents', { params: { query }, headers: bearer(session), signal })),
  get: (session: Session, id: string, signal?: AbortSignal) => dataOf(api.incidents.GET('/api/v1/incidents/{id}', { params: byId(id), headers: bearer(session), signal })),
  timeline: (session: Session, id: string, signal?: AbortSignal) => dataOf(api.incidents.GET('/api/v1/incidents/{id}/timeline', { params: byId(id), headers: bearer(session), signal })),
  report: (session: Session, body: ReportIncidentBody, idempotencyKey: string) =>
    commandAnswer(api.incidents.POST('/api/v1/incidents', { body, headers: commandHeaders(session, idempotencyKey) })),
  transition: (session: Session, id: string, version: number, body: TransitionBody, idempotencyKey: string) =>
    commandAnswer(api.incidents.POST('/api/v1/incidents/{id}/transitions', { params: { ...byId(id), header: ifMatch(version) }, body, headers: commandHeaders(session, idempotencyKey) })),
  transfer: (session: Session, id: string, version: number, body: TransferBody, idempotencyKey: string) =>
    commandAnswer(api.incidents.POST('/api/v1/incidents/{id}/transfer', { params: { ...byId(id), header: ifMatch(version) }, body, headers: commandHeaders(session, idempotencyKey) })),
};
