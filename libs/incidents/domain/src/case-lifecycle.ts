import { IncidentRuleViolation } from './incident-rule-violation';

/** Where a case stands (domain.md, "Case lifecycle"). */
export const CaseStatuses = [
  'reported',
  'verified',
  'rejected',
  'under-investigation',
  'resolved-at-grassroots',
  'referred-to-procuracy',
  'indicted',
  'not-prosecuted',
  'tried',
  'closed',
] as const;
export type CaseStatus = (typeof CaseStatuses)[number];

/** The actions that move a case; each is one event type (`incident.<event>`). */
export const CaseActions = [
  'verify',
  'reject',
  'start-investigation',
  'resolve-at-grassroots',
  'refer-to-procuracy',
  'close',
  'indict',
  'return-for-investigation',
  'decline-prosecution',
  'record-verdict',
] as const;
export type CaseAction = (typeof CaseActions)[number];

/** The agencies that own steps of the lifecycle. */
export type CaseAgency = 'police' | 'procuracy' | 'court' | 'people-committee';

export const CloseReasons = ['no-offence', 'insufficient-evidence', 'mediated', 'verdict-final', 'not-prosecuted'] as const;
export type CloseReason = (typeof CloseReasons)[number];

export const Verdicts = ['convicted', 'acquitted'] as const;
export type Verdict = (typeof Verdicts)[number];

export interface Transition {
  action: CaseAction;
  from: CaseStatus;
  to: CaseStatus;
  /** The only agencies that may take this step. */
  agencies: readonly CaseAgency[];
  /** Close reasons accepted from this status (close only). */
  reasons?: readonly CloseReason[];
  /** The event type it emits. */
  event: string;
}

/**
 * The whole lifecycle, one row per allowed step: police verify and investigate,
 * the procuracy prosecutes, the court tries, the commune People's Committee
 * mediates what can be resolved at the grassroots. Anything not here is refused.
 */
export const CASE_TRANSITIONS: readonly Transition[] = [
  { action: 'verify', from: 'reported', to: 'verified', agencies: ['police'], event: 'incident.verified' },
  { action: 'reject', from: 'reported', to: 'rejected', agencies: ['police'], event: 'incident.rejected' },
  { action: 'start-investigation', from: 'verified', to: 'under-investigation', agencies: ['police'], event: 'incident.investigation-started' },
  { action: 'resolve-at-grassroots', from: 'verified', to: 'resolved-at-grassroots', agencies: ['people-committee'], event: 'incident.resolved-at-grassroots' },
  { action: 'refer-to-procuracy', from: 'under-investigation', to: 'referred-to-procuracy', agencies: ['police'], event: 'incident.referred-to-procuracy' },
  { action: 'close', from: 'under-investigation', to: 'closed', agencies: ['police'], reasons: ['no-offence', 'insufficient-evidence'], event: 'incident.closed' },
  { action: 'indict', from: 'referred-to-procuracy', to: 'indicted', agencies: ['procuracy'], event: 'incident.indicted' },
  { action: 'return-for-investigation', from: 'referred-to-procuracy', to: 'under-investigation', agencies: ['procuracy'], event: 'incident.returned-for-investigation' },
  { action: 'decline-prosecution', from: 'referred-to-procuracy', to: 'not-prosecuted', agencies: ['procuracy'], event: 'incident.not-prosecuted' },
  { action: 'record-verdict', from: 'indicted', to: 'tried', agencies: ['court'], event: 'incident.tried' },
  { action: 'close', from: 'resolved-at-grassroots', to: 'closed', agencies: ['people-committee'], reasons: ['mediated'], event: 'incident.closed' },
  { action: 'close', from: 'not-prosecuted', to: 'closed', agencies: ['procuracy'], reasons: ['not-prosecuted'], event: 'incident.closed' },
  { action: 'close', from: 'tried', to: 'closed', agencies: ['court'], reasons: ['verdict-final'], event: 'incident.closed' },
];

/** Statuses nothing leaves. */
export const TERMINAL_STATUSES: readonly CaseStatus[] = ['rejected', 'closed'];

export interface AllowedTransition {
  action: CaseAction;
  to: CaseStatus;
  agencies: readonly CaseAgency[];
  reasons?: readonly CloseReason[];
}

/** The steps that may be taken from a status (for problem details and the case view). */
export function allowedTransitions(from: CaseStatus): AllowedTransition[] {
  return CASE_TRANSITIONS.filter((transition) => transition.from === from).map(({ action, to, agencies, reasons }) => ({
    action,
    to,
    agencies,
    ...(reasons ? { reasons } : {}),
  }));
}

/** The step is not possible from where the case stands: 409, with the allowed ones. */
export class InvalidTransition extends Error {
  constructor(
    readonly from: CaseStatus,
    readonly action: string,
    readonly allowed: AllowedTransition[],
  ) {
    super(
      allowed.length === 0
        ? `A case that is ${from} takes no further steps (không thể chuyển trạng thái).`
        : `A case that is ${from} cannot "${action}"; allowed: ${allowed.map((step) => `${step.action} → ${step.to} (${step.agencies.join('/')})`).join(', ')}.`,
    );
    this.name = 'InvalidTransition';
  }

  toProblem(): { type: string; title: string; status: number; detail: string; currentStatus: CaseStatus; allowedTransitions: AllowedTransition[]; errors: { field: string; message: string }[] } {
    return {
      type: 'urn:binh-yen:problem:incident-invalid-transition',
      title: 'Chuyển trạng thái không hợp lệ (Invalid transition)',
      status: 409,
      detail: this.message,
      currentStatus: this.from,
      allowedTransitions: this.allowed,
      errors: [{ field: 'action', message: this.message }],
    };
  }
}

/** The step exists but belongs to another agency: 403, naming the one allowed. */
export class WrongAgency extends Error {
  constructor(
    readonly action: CaseAction,
    readonly agency: string,
    readonly allowedAgencies: readonly CaseAgency[],
  ) {
    super(`"${action}" is taken by ${allowedAgencies.join(' or ')}, not ${agency} (sai cơ quan có thẩm quyền).`);
    this.name = 'WrongAgency';
  }

  toProblem(): { type: string; title: string; status: number; detail: string; allowedAgencies: readonly CaseAgency[] } {
    return {
      type: 'urn:binh-yen:problem:incident-wrong-agency',
      title: 'Không đúng cơ quan có thẩm quyền (Wrong agency)',
      status: 403,
      detail: this.message,
      allowedAgencies: this.allowedAgencies,
    };
  }
}

export interface TransitionRequest {
  action: string;
  agency: string;
  reason?: string | undefined;
  verdict?: string | undefined;
  sentenceSummary?: string | undefined;
}

export interface DecidedTransition {
  transition: Transition;
  reason: CloseReason | null;
  verdict: Verdict | null;
  sentenceSummary: string | null;
}

/**
 * Decides one step of the lifecycle: refuses a step not allowed from `from` (409),
 * a step of another agency (403) and a step without what it needs (422).
 */
export function decideTransition(from: CaseStatus, request: TransitionRequest): DecidedTransition {
  const transition = CASE_TRANSITIONS.find((candidate) => candidate.from === from && candidate.action === request.action);
  if (!transition) throw new InvalidTransition(from, request.action, allowedTransitions(from));
  if (!transition.agencies.includes(request.agency as CaseAgency)) throw new WrongAgency(transition.action, request.agency, transition.agencies);

  let reason: CloseReason | null = null;
  if (transition.reasons) {
    if (!request.reason || !transition.reasons.includes(request.reason as CloseReason)) {
      throw new IncidentRuleViolation('reason', 'close-reason', `closing a case that is ${from} needs a reason: ${transition.reasons.join(' or ')} (cần lý do đóng hồ sơ).`);
    }
    reason = request.reason as CloseReason;
  } else if (request.reason !== undefined) {
    throw new IncidentRuleViolation('reason', 'reason-not-expected', `only "close" takes a reason; "${transition.action}" does not.`);
  }

  let verdict: Verdict | null = null;
  let sentenceSummary: string | null = null;
  if (transition.action === 'record-verdict') {
    if (!request.verdict || !Verdicts.includes(request.verdict as Verdict)) {
      throw new IncidentRuleViolation('verdict', 'verdict-required', 'a verdict is convicted or acquitted (cần kết quả xét xử).');
    }
    verdict = request.verdict as Verdict;
    sentenceSummary = request.sentenceSummary?.trim() ? request.sentenceSummary.normalize('NFC').trim() : null;
    if (verdict === 'convicted' && !sentenceSummary) {
      throw new IncidentRuleViolation('sentenceSummary', 'sentence-required', 'a conviction needs the sentence summary (cần tóm tắt hình phạt).');
    }
    if (verdict === 'acquitted' && sentenceSummary) {
      throw new IncidentRuleViolation('sentenceSummary', 'sentence-not-expected', 'an acquittal carries no sentence.');
    }
  } else if (request.verdict !== undefined || request.sentenceSummary !== undefined) {
    throw new IncidentRuleViolation(request.verdict !== undefined ? 'verdict' : 'sentenceSummary', 'verdict-not-expected', 'only "record-verdict" takes a verdict and a sentence.');
  }
  return { transition, reason, verdict, sentenceSummary };
}

/** When the case entered the statuses the stage durations are measured from (the steps' dates). */
export interface CaseMilestones {
  reportedAt: Date;
  verifiedAt: Date | null;
  referredAt: Date | null;
  indictedAt: Date | null;
}

export const CaseStages = ['reported-verified', 'verified-referred', 'referred-indicted', 'indicted-tried'] as const;
export type CaseStage = (typeof CaseStages)[number];

export interface CompletedStage {
  stage: CaseStage;
  startedAt: Date;
  endedAt: Date;
  seconds: number;
}

/**
 * The stage a step completes, for the report's durations (clause 5), from the
 * dates the steps were taken (not when they were keyed in). A case returned for
 * investigation and referred again measures verified→referred to the last
 * referral, and referred→indicted from it.
 */
export function completedStage(to: CaseStatus, milestones: CaseMilestones, takenAt: Date): CompletedStage | null {
  const stage = (name: CaseStage, startedAt: Date | null): CompletedStage | null =>
    startedAt ? { stage: name, startedAt, endedAt: takenAt, seconds: Math.max(0, Math.round((takenAt.getTime() - startedAt.getTime()) / 1000)) } : null;
  switch (to) {
    case 'verified':
      return stage('reported-verified', milestones.reportedAt);
    case 'referred-to-procuracy':
      return stage('verified-referred', milestones.verifiedAt);
    case 'indicted':
      return stage('referred-indicted', milestones.referredAt);
    case 'tried':
      return stage('indicted-tried', milestones.indictedAt);
    default:
      return null;
  }
}
