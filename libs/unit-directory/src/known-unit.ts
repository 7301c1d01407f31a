export type KnownUnitStatus = 'active' | 'merged' | 'split' | 'dissolved';

/** A unit as this service knows it from the units events. */
export interface KnownUnit {
  unitId: string;
  code: string;
  name: string;
  kind: string;
  subkind: string;
  parentId: string | null;
  path: string;
  status: KnownUnitStatus;
  successorIds: string[];
}
