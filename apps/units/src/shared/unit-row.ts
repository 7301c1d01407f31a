import { ApiProperty } from '@nestjs/swagger';
import { UnitKinds, type HierarchyNode, type UnitKind } from '@binh-yen/units-domain';

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

const UnitStatuses: HierarchyNode['status'][] = ['active', 'merged', 'split', 'dissolved'];

/** A unit's seat on the map (WGS 84). */
export class UnitLocation {
  @ApiProperty({ example: 21.3227 }) latitude!: number;
  @ApiProperty({ example: 105.4019 }) longitude!: number;
}

/** What the API answers about a unit. */
export class UnitView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '25.227.08' }) code!: string;
  @ApiProperty({ example: 'Phường Gia Cẩm' }) name!: string;
  @ApiProperty({ enum: UnitKinds }) kind!: UnitKind;
  @ApiProperty({ example: 'ward' }) subkind!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the top of the hierarchy' }) parentId!: string | null;
  @ApiProperty({ example: '25.227.08', description: 'Materialised path of codes' }) path!: string;
  @ApiProperty({ enum: UnitStatuses }) status!: string;
  @ApiProperty({ example: '2025-07-01' }) effectiveFrom!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: still in effect' }) effectiveTo!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ type: UnitLocation, nullable: true, description: 'Its seat on the map, when the registry has it; null otherwise' }) location!: UnitLocation | null;
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
