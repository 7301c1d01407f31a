import { checkMerge, checkMove, checkParent, checkSplit, rebase, type HierarchyNode } from './hierarchy';
import { checkRating } from './movement-rating';
import { checkPilotDesignation } from './pilot-units';
import { checkRecognition, checkReplication, checkReview } from './self-management-model';
import { UnitRuleViolation } from './unit-rule-violation';
import { foldForSearch, normaliseLine } from '@binh-yen/shared-kernel';

const node = (id: string, kind: HierarchyNode['kind'], path: string, status: HierarchyNode['status'] = 'active'): HierarchyNode => ({
  id,
  code: path.split('.').at(-1)!,
  kind,
  path,
  status,
});
const province = node('p', 'province', '25');
const vietTri = node('vt', 'district', '25.227');
const giaCam = node('gc', 'commune', '25.227.07894');
const tienCat = node('tc', 'commune', '25.227.07897');
const hamlet = node('h1', 'residential-area', '25.227.07894.01');
const lamThao = node('lt', 'district', '25.237');

function violation(run: () => void): UnitRuleViolation {
  try {
    run();
  } catch (error) {
    if (error instanceof UnitRuleViolation) return error;
  }
  throw new Error('expected a UnitRuleViolation');
}

describe('Vietnamese search folding', () => {
  it('finds "Việt Trì" as "viet tri" and "Viet Tri"', () => {
    expect(foldForSearch('Việt Trì')).toBe('viet tri');
    expect(foldForSearch('Viet Tri')).toBe('viet tri');
    expect(foldForSearch('ĐOAN HÙNG')).toBe('doan hung');
  });

  it('stores names in NFC whatever the keyboard sent', () => {
    expect(normaliseLine('  Vie\u0302\u0323t   Tri\u0300 ')).toBe('Việt Trì');
  });
});

describe('hierarchy', () => {
  it('lets a commune sit under a province (after 2025) or a district, not under a commune', () => {
    expect(() => checkParent('commune', province)).not.toThrow();
    expect(() => checkParent('commune', vietTri)).not.toThrow();
    expect(violation(() => checkParent('commune', tienCat)).rule).toBe('parent-kind');
  });

  it('attaches establishments at any level', () => {
    for (const parent of [province, vietTri, giaCam, hamlet]) expect(() => checkParent('establishment', parent)).not.toThrow();
  });

  it('refuses a move into the unit itself or its descendant', () => {
    expect(violation(() => checkMove(vietTri, giaCam)).rule).toBe('cycle');
    expect(() => checkMove(giaCam, lamThao)).not.toThrow();
  });

  it('refuses merging a unit into its own descendant or into itself', () => {
    expect(violation(() => checkMerge([giaCam], node('x', 'commune', '25.227.07894.09'))).rule).toBe('merge-into-descendant');
    expect(violation(() => checkMerge([giaCam], giaCam)).rule).toBe('merge-into-itself');
    expect(() => checkMerge([giaCam], tienCat)).not.toThrow();
  });

  it('splits an active unit only when every active child goes to exactly one part of a valid subkind', () => {
    const district = node('d', 'district', '25.227');
    const children = ['07882', '07894'];
    const part = (code: string, childCodes: string[], subkind = 'district'): { code: string; subkind: string; childCodes: string[] } => ({ code, subkind, childCodes });
    expect(() => checkSplit(district, children, [part('228', ['07882']), part('229', ['07894'])])).not.toThrow();
    expect(violation(() => checkSplit(node('d', 'district', '25.227', 'merged'), children, [part('228', children)])).rule).toBe('not-active');
    expect(violation(() => checkSplit(district, children, [part('228', ['07882', '09999']), part('229', ['07894'])])).rule).toBe('not-a-child');
    expect(violation(() => checkSplit(district, children, [part('228', ['07882', '07894']), part('229', ['07894'])])).rule).toBe('assigned-twice');
    expect(violation(() => checkSplit(district, children, [part('228', ['07882'])])).rule).toBe('children-left');
    expect(violation(() => checkSplit(district, children, [part('228', ['07882']), part('229', ['07894'], 'hamlet')])).field).toBe('subkind');
  });

  it('rebases the paths of a moved subtree', () => {
    expect(rebase('25.227.07894.01', '25.227.07894', '25.237.07894')).toBe('25.237.07894.01');
  });
});

describe('movement rating', () => {
  const now = new Date('2026-08-15T00:00:00Z');

  it('requires an improvement plan for a weak rating, with a later target', () => {
    expect(violation(() => checkRating({ unitStatus: 'active', quarter: '2026-Q2', rating: 'weak' }, now)).rule).toBe('plan-required');
    const plan = { actions: ['Tuần tra ban đêm'], responsibleAgency: 'police', targetQuarter: '2026-Q2' };
    expect(violation(() => checkRating({ unitStatus: 'active', quarter: '2026-Q2', rating: 'weak', improvementPlan: plan }, now)).rule).toBe('target-not-later');
    expect(() => checkRating({ unitStatus: 'active', quarter: '2026-Q2', rating: 'weak', improvementPlan: { ...plan, targetQuarter: '2026-Q4' } }, now)).not.toThrow();
  });

  it('refuses a future quarter and a dissolved unit', () => {
    expect(violation(() => checkRating({ unitStatus: 'active', quarter: '2026-Q4', rating: 'strong' }, now)).rule).toBe('future-quarter');
    expect(violation(() => checkRating({ unitStatus: 'dissolved', quarter: '2026-Q2', rating: 'strong' }, now)).rule).toBe('unit-not-active');
  });

  it('accepts the current quarter from its first day in Vietnam', () => {
    expect(() => checkRating({ unitStatus: 'active', quarter: '2026-Q4', rating: 'fair' }, new Date('2026-09-30T17:00:00Z'))).not.toThrow();
  });
});

describe('pilot units', () => {
  it('allows two per district and year, refuses a third', () => {
    expect(() => checkPilotDesignation(vietTri, giaCam, [])).not.toThrow();
    expect(() => checkPilotDesignation(vietTri, tienCat, ['gc'])).not.toThrow();
    const third = violation(() => checkPilotDesignation(vietTri, hamlet, ['gc', 'tc']));
    expect(third.rule).toBe('too-many-pilots');
    expect(third.status).toBe(409);
  });

  it('takes pilots only from the district’s own grassroots units', () => {
    expect(violation(() => checkPilotDesignation(vietTri, node('x', 'commune', '25.237.08000'), [])).rule).toBe('not-grassroots-in-district');
    expect(violation(() => checkPilotDesignation(giaCam, hamlet, [])).rule).toBe('not-district');
  });
});

describe('self-management models', () => {
  const reviewed = { unitId: 'gc', stage: 'reviewed' as const, reviews: [{ kind: 'interim' as const, outcome: 'effective' as const }] };

  it('recognises as advanced only after an effective final review', () => {
    expect(violation(() => checkRecognition(reviewed)).rule).toBe('needs-effective-final-review');
    expect(() => checkRecognition({ ...reviewed, reviews: [...reviewed.reviews, { kind: 'final', outcome: 'effective' }] })).not.toThrow();
  });

  it('allows one final review', () => {
    expect(violation(() => checkReview({ ...reviewed, reviews: [{ kind: 'final', outcome: 'effective' }] }, 'final')).rule).toBe('final-review-exists');
  });

  it('replicates only advanced models, into another unit', () => {
    expect(violation(() => checkReplication(reviewed, 'tc')).rule).toBe('not-advanced');
    expect(violation(() => checkReplication({ ...reviewed, stage: 'advanced' }, 'gc')).rule).toBe('same-unit');
    expect(() => checkReplication({ ...reviewed, stage: 'advanced' }, 'tc')).not.toThrow();
  });
});
