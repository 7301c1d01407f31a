import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isWithinArea, type Caller } from '@binh-yen/auth';
import { notFound, ProblemException, problemType } from '@binh-yen/http';
import type { QuarterlyReport } from '@binh-yen/report-model';
import { DataSource } from 'typeorm';
import { QuarterlyReportService } from '../quarterly-report.service';
import type { ReportScope } from '../report-scope';
import { DRAFT_HEADING, officialDocument, type DocumentHeading, type OfficialDocument } from './official-document';

interface SubmissionForDocument {
  area: string;
  quarter: string;
  status: 'submitted' | 'approved' | 'returned';
  snapshot: QuarterlyReport;
  narrative: string;
  document: DocumentHeading | null;
  reviewed_at: Date | null;
}

/**
 * The report as an administrative document (ADR 0043). With a submission: its frozen figures,
 * its narrative, and the issuer, signatory and recipients given with it, dated the day it was
 * approved (a draft until then). Without one: today's figures under a blank heading, a draft.
 */
@Injectable()
export class OfficialReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: QuarterlyReportService,
  ) {}

  async document(scope: ReportScope, submissionId: string | undefined, caller: Caller, now = new Date()): Promise<OfficialDocument> {
    if (submissionId === undefined) return officialDocument(await this.reports.build(scope, 'vi'), DRAFT_HEADING, now, null, true);
    const rows: SubmissionForDocument[] = await this.dataSource.query(`SELECT area, quarter, status, snapshot, narrative, document, reviewed_at FROM report_submissions WHERE id = $1`, [submissionId]);
    const row = rows[0];
    if (!row || !isWithinArea(row.area, caller.area)) throw notFound('submission', `No report submission ${submissionId} in your area.`);
    if (row.area !== scope.area || row.quarter !== scope.period || scope.view !== 'as-at-time') {
      throw new ProblemException({
        type: problemType('validation'),
        title: 'Báo cáo không khớp (Submission does not match)',
        status: 422,
        detail: `Submission ${submissionId} is the ${row.quarter} report of ${row.area}, as at the time; ask for that area, quarter and view.`,
        errors: [{ field: 'submission', message: `is the report of area ${row.area}, quarter ${row.quarter}, view as-at-time` }],
      });
    }
    // Submissions made before reports carried their text are rebuilt as they are now.
    const report = 'text' in row.snapshot ? row.snapshot : await this.reports.build(scope, 'vi');
    const approved = row.status === 'approved';
    return officialDocument(report, row.document ?? DRAFT_HEADING, approved && row.reviewed_at ? new Date(row.reviewed_at) : now, row.narrative, !approved || row.document === null);
  }
}
