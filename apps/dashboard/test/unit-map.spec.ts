import type { UnitView } from '../src/api/types';
import type { IncidentFigure } from '../src/analysis/figure-filters';
import { buildUnitMap, mapBounds } from '../src/analysis/unit-map';

const unit = (code: string, name: string, path: string, parentId: string | null, location: [number, number] | null, status: UnitView['status'] = 'active'): UnitView => ({
  id: code,
  code,
  name,
  kind: 'commune',
  subkind: '',
  parentId,
  path,
  status,
  effectiveFrom: '1999-01-01',
  effectiveTo: null,
  version: 1,
  location: location && { latitude: location[0], longitude: location[1] },
});
const incident = (path: string): IncidentFigure => ({ incident_id: path, path, quarter: '2026-Q4', category: 'theft', domain: 'social-order', source: 'patrol', status: 'reported', reported_verified: null, verified_referred: null, referred_indicted: null, indicted_tried: null });

describe('the map of an area', () => {
  const city = unit('227', 'Thành phố Việt Trì', '25.227', '25', [21.3227, 105.4019]);
  const subtree = [
    city,
    unit('07894', 'Phường Gia Cẩm', '25.227.07894', '227', [21.33, 105.4]),
    unit('0789401', 'Tổ dân phố 1 Gia Cẩm', '25.227.07894.0789401', '07894', null),
    unit('07897', 'Phường Tiên Cát', '25.227.07897', '227', [21.32, 105.39]),
    unit('07906', 'Phường Bạch Hạc', '25.227.07906', '227', null),
    unit('07909', 'Phường Bến Gót', '25.227.07909', '227', [21.3, 105.42], 'merged'),
  ];

  it('places each active unit at its seat with its rating and hotspot, and counts incidents at the nearest unit with a seat', () => {
    const map = buildUnitMap(city, subtree, [
      { code: '07894', path: '25.227.07894', rating: 'strong', hotspot: null },
      { code: '07897', path: '25.227.07897', rating: null, hotspot: 'Tụ điểm' },
    ], [incident('25.227.07894.0789401'), incident('25.227.07894'), incident('25.227.07906'), incident('25.227')]);
    expect(map.points.map((p) => [p.code, p.rating, p.hotspot, p.incidents, p.child])).toEqual([
      ['07894', 'strong', null, 2, true],
      ['07897', null, 'Tụ điểm', 0, true],
    ]);
    // A unit without a seat is listed beside the map, its incidents and the area's own counted apart.
    expect(map.unplaced.map((u) => u.code)).toEqual(['07906', '0789401']);
    expect(map.unplacedIncidents).toBe(2);
  });

  it('fits every point with a margin', () => {
    const map = buildUnitMap(city, subtree, [], []);
    const bounds = mapBounds(map.points);
    expect(bounds.minLat).toBeLessThan(21.32);
    expect(bounds.maxLat).toBeGreaterThan(21.33);
    expect(bounds.minLon).toBeLessThan(105.39);
    expect(bounds.maxLon).toBeGreaterThan(105.4);
  });
});
