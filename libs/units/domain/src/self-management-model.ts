import { UnitRuleViolation } from './unit-rule-violation';

/** mô hình tự quản: registered → reviewed (interim/final) → advanced → replicated elsewhere */
export type ModelStage = 'registered' | 'reviewed' | 'advanced';
export type ReviewKind = 'interim' | 'final';
export type ReviewOutcome = 'effective' | 'partly-effective' | 'ineffective';

export interface ModelState {
  unitId: string;
  stage: ModelStage;
  reviews: { kind: ReviewKind; outcome: ReviewOutcome }[];
}

export function checkReview(model: ModelState, kind: ReviewKind): void {
  if (kind === 'final' && model.reviews.some((review) => review.kind === 'final')) {
    throw new UnitRuleViolation('kind', 'final-review-exists', 'the model already has its final review (tổng kết)', 409);
  }
}

/** Only a model whose final review found it effective can be recognised as advanced. */
export function checkRecognition(model: ModelState): void {
  if (model.stage === 'advanced') throw new UnitRuleViolation('modelId', 'already-advanced', 'the model is already recognised as advanced', 409);
  const final = model.reviews.find((review) => review.kind === 'final');
  if (!final || final.outcome !== 'effective') {
    throw new UnitRuleViolation('modelId', 'needs-effective-final-review', 'recognise a model as advanced after a final review (tổng kết) found it effective');
  }
}

/** Replication copies an advanced model into another unit; the copy links to its source. */
export function checkReplication(model: ModelState, targetUnitId: string): void {
  if (model.stage !== 'advanced') {
    throw new UnitRuleViolation('modelId', 'not-advanced', 'only a model recognised as advanced can be replicated (nhân rộng mô hình tiên tiến)');
  }
  if (targetUnitId === model.unitId) throw new UnitRuleViolation('targetUnitCode', 'same-unit', 'replicate the model into another unit');
}
