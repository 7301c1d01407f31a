import { UnitRuleViolation } from './unit-rule-violation';

export const UnitKinds = ['province', 'district', 'commune', 'residential-area', 'establishment'] as const;
export type UnitKind = (typeof UnitKinds)[number];

/** The local names of each kind (glossary of domain.md). */
export const Subkinds: Record<UnitKind, readonly string[]> = {
  province: ['province', 'municipality'],
  district: ['district', 'city', 'town'],
  commune: ['commune', 'ward', 'township'],
  'residential-area': ['village', 'hamlet', 'residential-group', 'quarter', 'mountain-village'],
  establishment: ['agency', 'enterprise', 'production-establishment', 'school'],
};

/**
 * Which kinds may sit under which. Deliberately not a fixed ladder: since 2025
 * communes sit directly under provinces, and establishments attach at any level.
 */
const AllowedParents: Record<UnitKind, readonly (UnitKind | null)[]> = {
  province: [null],
  district: ['province'],
  commune: ['district', 'province'],
  'residential-area': ['commune'],
  establishment: ['province', 'district', 'commune', 'residential-area'],
};

export interface HierarchyNode {
  id: string;
  code: string;
  kind: UnitKind;
  path: string;
  status: 'active' | 'merged' | 'split' | 'dissolved';
}

export function checkKindAndSubkind(kind: UnitKind, subkind: string): void {
  if (!Subkinds[kind].includes(subkind)) {
    throw new UnitRuleViolation('subkind', 'unknown-subkind', `subkind of a ${kind} must be one of ${Subkinds[kind].join(', ')}`);
  }
}

/** May a unit of this kind sit under that parent? Refuses retired parents too. */
export function checkParent(kind: UnitKind, parent: HierarchyNode | null, field = 'parentCode'): void {
  if (parent && parent.status !== 'active') {
    throw new UnitRuleViolation(field, 'parent-not-active', `the parent ${parent.code} is ${parent.status}; choose an active unit`);
  }
  const allowed = AllowedParents[kind];
  const parentKind = parent?.kind ?? null;
  if (!allowed.includes(parentKind)) {
    const expected = allowed.map((k) => k ?? 'none').join(' or ');
    throw new UnitRuleViolation(field, 'parent-kind', `a ${kind} must sit under ${expected}, not under ${parentKind ?? 'nothing'}`);
  }
}

export function childPath(parent: HierarchyNode | null, code: string): string {
  return parent ? `${parent.path}.${code}` : code;
}

export function isWithin(path: string, ancestorPath: string): boolean {
  return path === ancestorPath || path.startsWith(`${ancestorPath}.`);
}

/** A unit may not move under itself or under any of its descendants. */
export function checkMove(unit: HierarchyNode, newParent: HierarchyNode | null): void {
  if (newParent && isWithin(newParent.path, unit.path)) {
    throw new UnitRuleViolation('newParentCode', 'cycle', `moving ${unit.code} under ${newParent.code} would put it inside itself`);
  }
  checkParent(unit.kind, newParent, 'newParentCode');
}

/** Merging units into one: all active, same kind, and the target outside every source. */
export function checkMerge(sources: HierarchyNode[], target: HierarchyNode): void {
  if (sources.length === 0) throw new UnitRuleViolation('sourceCodes', 'no-sources', 'name at least one unit to merge');
  for (const source of sources) {
    if (source.id === target.id) throw new UnitRuleViolation('sourceCodes', 'merge-into-itself', `${source.code} cannot be merged into itself`);
    if (source.status !== 'active') throw new UnitRuleViolation('sourceCodes', 'not-active', `${source.code} is ${source.status}`);
    if (isWithin(target.path, source.path)) {
      throw new UnitRuleViolation('targetCode', 'merge-into-descendant', `${target.code} lies inside ${source.code}; a unit cannot be merged into its own descendant`);
    }
    if (source.kind !== target.kind) {
      throw new UnitRuleViolation('sourceCodes', 'kind-mismatch', `${source.code} is a ${source.kind}, ${target.code} a ${target.kind}; merge units of one kind`);
    }
  }
  if (target.status !== 'active') throw new UnitRuleViolation('targetCode', 'not-active', `${target.code} is ${target.status}`);
}

/** One new unit of a split: its code, subkind and the active children of the old unit it takes over. */
export interface SplitPart {
  code: string;
  subkind: string;
  childCodes: string[];
}

/** Splitting a unit: it is active, each part is a valid subkind of its kind, and every active child goes to exactly one part. */
export function checkSplit(source: HierarchyNode, activeChildCodes: readonly string[], parts: readonly SplitPart[]): void {
  if (source.status !== 'active') throw new UnitRuleViolation('code', 'not-active', `${source.code} is ${source.status}`);
  const assigned = parts.flatMap((part) => part.childCodes);
  const unknown = assigned.filter((child) => !activeChildCodes.includes(child));
  if (unknown.length > 0) throw new UnitRuleViolation('parts.childCodes', 'not-a-child', `${unknown.join(', ')} are not active children of ${source.code}`);
  if (new Set(assigned).size !== assigned.length) throw new UnitRuleViolation('parts.childCodes', 'assigned-twice', 'a child goes to exactly one part');
  const left = activeChildCodes.filter((child) => !assigned.includes(child));
  if (left.length > 0) throw new UnitRuleViolation('parts.childCodes', 'children-left', `assign every child of ${source.code}; not assigned: ${left.join(', ')}`);
  for (const part of parts) checkKindAndSubkind(source.kind, part.subkind);
}

/** The new path of every unit in a moved subtree. */
export function rebase(path: string, oldRoot: string, newRoot: string): string {
  return newRoot + path.slice(oldRoot.length);
}
