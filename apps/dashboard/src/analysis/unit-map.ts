import { compareVietnamese } from '@binh-yen/report-model';
import type { UnitView } from '../api/types';
import type { IncidentFigure } from './figure-filters';

// The map of an area (issue 21, ADR 0051): each unit at its seat, coloured by its rating of the
// quarter, hotspots marked, incidents counted at the nearest unit that has a seat. Pure, tested.

export type Rating = 'strong' | 'fair' | 'average' | 'weak';

export interface UnitStanding {
  code: string;
  path: string;
  rating: Rating | null;
  /** The reason of a hotspot designation covering the quarter. */
  hotspot: string | null;
}

export interface MapPoint {
  code: string;
  name: string;
  path: string;
  kind: string;
  latitude: number;
  longitude: number;
  rating: Rating | null;
  hotspot: string | null;
  /** Incidents of the quarter at this unit or below it where nothing below has a seat. */
  incidents: number;
  /** One level below the area: named on the map. */
  child: boolean;
}

export interface UnitMap {
  points: MapPoint[];
  /** Units of the area the registry has no seat for (listed beside the map). */
  unplaced: { code: string; name: string }[];
  /** Incidents of units with no seat anywhere above them in the area. */
  unplacedIncidents: number;
}

export function buildUnitMap(area: UnitView, subtree: readonly UnitView[], standings: readonly UnitStanding[], incidents: readonly IncidentFigure[]): UnitMap {
  const active = subtree.filter((unit) => unit.status === 'active' && unit.path !== area.path);
  const located = new Map(subtree.filter((unit) => unit.location).map((unit) => [unit.path, unit]));
  const byPath = new Map(standings.map((standing) => [standing.path, standing]));
  const counts = new Map<string, number>();
  let unplacedIncidents = 0;
  for (const incident of incidents) {
    // The incident's own unit, or the nearest above it (within the area) that has a seat.
    const labels = incident.path.split('.');
    let at: string | undefined;
    for (let depth = labels.length; depth > 0 && !at; depth -= 1) {
      const path = labels.slice(0, depth).join('.');
      if (located.has(path) && path !== area.path) at = path;
    }
    if (at) counts.set(at, (counts.get(at) ?? 0) + 1);
    else unplacedIncidents += 1;
  }
  const points: MapPoint[] = [];
  const unplaced: { code: string; name: string }[] = [];
  for (const unit of active) {
    const standing = byPath.get(unit.path);
    if (!unit.location) {
      unplaced.push({ code: unit.code, name: unit.name });
      continue;
    }
    points.push({
      code: unit.code,
      name: unit.name,
      path: unit.path,
      kind: unit.kind,
      latitude: unit.location.latitude,
      longitude: unit.location.longitude,
      rating: standing?.rating ?? null,
      hotspot: standing?.hotspot ?? null,
      incidents: counts.get(unit.path) ?? 0,
      child: unit.parentId === area.id,
    });
  }
  points.sort((a, b) => compareVietnamese(a.name, b.name));
  unplaced.sort((a, b) => compareVietnamese(a.name, b.name));
  return { points, unplaced, unplacedIncidents };
}

/** The axes' ranges: every point inside, with a margin, never narrower than about 5 km. */
export function mapBounds(points: readonly MapPoint[]): { minLon: number; maxLon: number; minLat: number; maxLat: number } {
  const lons = points.map((p) => p.longitude);
  const lats = points.map((p) => p.latitude);
  const pad = (min: number, max: number): [number, number] => {
    const margin = Math.max((max - min) * 0.08, 0.025);
    return [Math.floor((min - margin) * 100) / 100, Math.ceil((max + margin) * 100) / 100];
  };
  const [minLon, maxLon] = pad(Math.min(...lons), Math.max(...lons));
  const [minLat, maxLat] = pad(Math.min(...lats), Math.max(...lats));
  return { minLon, maxLon, minLat, maxLat };
}
