// The units service's operations the officers' forms use (apps/units/src/*/dto). One module
// per service, so a generated OpenAPI client can replace it without touching the forms.
import { getJson, sendCommand } from './client';
import type { Session } from './session';
import type { UnitView } from './types';

export const MOVEMENT_RATINGS = ['strong', 'fair', 'average', 'weak'] as const;
export type MovementRating = (typeof MOVEMENT_RATINGS)[number];

export interface RateUnitBody {
  rating: MovementRating;
  assessor: string;
  assessedOn: string;
  justification: string;
  improvementPlan?: { actions: string[]; responsibleAgency: string; targetQuarter: string };
}

export interface RatingView {
  unitCode: string;
  quarter: string;
  rating: MovementRating;
}

export interface DesignateHotspotBody {
  reason: string;
  fromQuarter: string;
  toQuarter: string;
}

export const unitsApi = {
  /** The service folds diacritics: "gia cam" finds "Phường Gia Cẩm". */
  search: (session: Session, query: { q: string; under: string; limit?: string }, signal?: AbortSignal) =>
    getJson<{ items: UnitView[]; nextCursor: string | null }>(session, 'units', 'units', { status: 'active', limit: '20', ...query }, signal),
  rate: (session: Session, unitCode: string, quarter: string, body: RateUnitBody, idempotencyKey: string) =>
    sendCommand<RatingView>(session, 'units', `units/${encodeURIComponent(unitCode)}/ratings/${encodeURIComponent(quarter)}`, { method: 'PUT', body, idempotencyKey }),
  designateHotspot: (session: Session, unitCode: string, body: DesignateHotspotBody, idempotencyKey: string) =>
    sendCommand<{ id: string; unitCode: string }>(session, 'units', `units/${encodeURIComponent(unitCode)}/hotspots`, { body, idempotencyKey }),
};
