import type { HierarchyNode, UnitKind } from '@binh-yen/units-domain';

/** A row of `units`; stays inside the repository, queries and use cases. */
export interface UnitRow {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  subkind: string;
  parent_id: string | null;
  path: string;
  status: HierarchyNode['status'];
  effective_from: string;
  effective_to: string | null;
  version: number;
  latitude: number | null;
  longitude: number | null;
}

export function toNode(row: UnitRow): HierarchyNode {
  return { id: row.id, code: row.code, kind: row.kind, path: row.path, status: row.status };
}

/** What the API answers about a unit. */
export interface UnitView {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  subkind: string;
  parentId: string | null;
  path: string;
  status: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  version: number;
  /** Its seat on the map (WGS 84), when the registry has it. */
  location: { latitude: number; longitude: number } | null;
}

export function toView(row: UnitRow): UnitView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    subkind: row.subkind,
    parentId: row.parent_id,
    path: row.path,
    status: row.status,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    version: row.version,
    location: row.latitude === null || row.longitude === null ? null : { latitude: row.latitude, longitude: row.longitude },
  };
}
