import { HttpStatus } from '@nestjs/common';
import { ProblemException, problemType } from '@binh-yen/http';

export interface SubmissionView {
  id: string;
  area: string;
  quarter: string;
  revision: number;
  status: 'submitted' | 'approved' | 'returned';
  narrative: string;
  submittedBy: string;
  submittedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  comments: string | null;
  version: number;
}

export interface SubmissionRow {
  id: string;
  area: string;
  quarter: string;
  revision: number;
  status: SubmissionView['status'];
  narrative: string;
  submitted_by: string;
  submitted_at: Date;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  comments: string | null;
  version: number;
}

export const toView = (row: SubmissionRow): SubmissionView => ({
  id: row.id,
  area: row.area,
  quarter: row.quarter,
  revision: row.revision,
  status: row.status,
  narrative: row.narrative,
  submittedBy: row.submitted_by,
  submittedAt: new Date(row.submitted_at).toISOString(),
  reviewedBy: row.reviewed_by,
  reviewedAt: row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
  comments: row.comments,
  version: row.version,
});

export const COLUMNS = 'id, area, quarter, revision, status, narrative, submitted_by, submitted_at, reviewed_by, reviewed_at, comments, version';

export function conflict(detail: string): ProblemException {
  return new ProblemException({ type: problemType('submission-state'), title: 'Xung đột trạng thái (Conflict)', status: HttpStatus.CONFLICT, detail });
}
