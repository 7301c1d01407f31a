/** Vietnam keeps UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The instant a quarter's submissions are due: the end of its last day plus the grace days, Vietnam time. */
export function submissionDeadline(quarter: string, graceDays: number): Date {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const nextQuarterStartUtc = Date.UTC(year, q * 3, 1) - VIETNAM_OFFSET_MS;
  return new Date(nextQuarterStartUtc + graceDays * 86_400_000);
}

export type SubmissionState = 'approved' | 'submitted-on-time' | 'submitted-late' | 'returned' | 'missing' | 'overdue';

/** Where a district stands for a quarter, from its latest submission (if any). */
export function submissionState(latest: { status: string; submittedAt: Date } | null, deadline: Date, now: Date): SubmissionState {
  if (!latest) return now > deadline ? 'overdue' : 'missing';
  if (latest.status === 'approved') return 'approved';
  if (latest.status === 'returned') return 'returned';
  return latest.submittedAt > deadline ? 'submitted-late' : 'submitted-on-time';
}
