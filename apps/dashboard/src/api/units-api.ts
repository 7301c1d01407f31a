// The units service's operations the dashboard uses, through the generated client: the types
// are the published document's (@binh-yen/api-client).
import type { UnitsSchemas as components } from '@binh-yen/api-client';
import { api, bearer, commandAnswer, commandHeaders, dataOf } from './client';
import type { Session } from './session';
import type { UnitView } from './types';

type Schemas = components['schemas'];

export const MOVEMENT_RATINGS = ['strong', 'fair', 'average', 'weak'] as const satisfies readonly Schemas['RateUnitDto']['rating'][];
export type MovementRating = (typeof MOVEMENT_RATINGS)[number];

export type { UnitView };
export type RateUnitBody = Schemas['RateUnitDto'];
export type RatingView = Schemas['RatingView'];
export type DesignateHotspotBody = Schemas['DesignateHotspotDto'];
export type Me = Schemas['Me'];

const byCode = (code: string) => ({ path: { code } });

export const unitsApi = {
  /** The service folds diacritics: "gia cam" finds "Phường Gia Cẩm". */
  search: (session: Session, query: { q: string; under: string; kind?: UnitView['kind']; limit?: number }, signal?: AbortSignal) =>
    dataOf(api.units.GET('/api/v1/units', { params: { query: { status: 'active', limit: 20, ...query } }, headers: bearer(session), signal })),
  get: (session: Session, code: string, signal?: AbortSignal) => dataOf(api.units.GET('/api/v1/units/{code}', { params: byCode(code), headers: bearer(session), signal })),
  ancestors: (session: Session, code: string, signal?: AbortSignal) => dataOf(api.units.GET('/api/v1/units/{code}/ancestors', { params: byCode(code), headers: bearer(session), signal })),
  subtree: (session: Session, code: string, signal?: AbortSignal) => dataOf(api.units.GET('/api/v1/units/{code}/subtree', { params: byCode(code), headers: bearer(session), signal })),
  rate: (session: Session, unitCode: string, quarter: string, body: RateUnitBody, idempotencyKey: string) =>
    commandAnswer(api.units.PUT('/api/v1/units/{code}/ratings/{quarter}', { params: { path: { code: unitCode, quarter } }, body, headers: commandHeaders(session, idempotencyKey) })),
  designateHotspot: (session: Session, unitCode: string, body: DesignateHotspotBody, idempotencyKey: string) =>
    commandAnswer(api.units.POST('/api/v1/units/{code}/hotspots', { params: byCode(unitCode), body, headers: commandHeaders(session, idempotencyKey) })),
};
