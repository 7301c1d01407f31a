import { HttpStatus } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ProblemException, problemType } from '@binh-yen/http';

export class SubmissionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '25.227' }) area!: string;
  @ApiProperty({ example: '2026-Q3' }) quarter!: string;
  @ApiProperty({ description: '1, then one more per resubmission after a return' }) revision!: number;
  @ApiProperty({ enum: ['submitted', 'approved', 'returned'] }) status!: 'submitted' | 'approved' | 'returned';
  @ApiProperty() narrative!: string;
  @ApiProperty() submittedBy!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: String, nullable: true }) reviewedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The province’s comments when it returned the report' }) comments!: string | null;
  @ApiProperty({ description: 'Send it in If-Match' }) version!: number;
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
