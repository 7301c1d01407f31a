import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isWithinArea, sqlWithinArea, type Caller } from '@binh-yen/auth';
import { uuidv7 } from '@binh-yen/contracts';
import { forbidden, notFound, ProblemException, problemType, staleVersion } from '@binh-yen/http';
import { DataSource } from 'typeorm';
import { QuarterlyReportService } from '../report/quarterly-report.service';
import { REPORTING_SETTINGS, type ReportingSettings } from './reporting-settings';
import { submissionDeadline, submissionState, type SubmissionState } from './submission-rules';
import type { DocumentHeadingDto, SubmitReportDto } from './dto/submissions.dto';
import type { DocumentHeading } from '../report/official/official-document';

/** The heading as stored: every text in NFC, trimmed. */
function documentHeading(input: DocumentHeadingDto): DocumentHeading {
  const text = (value: string): string => value.normalize('NFC').trim();
  return {
    parentBody: text(input.parentBody),
    issuingBody: text(input.issuingBody),
    symbol: input.symbol,
    number: input.number ?? null,
    place: text(input.place),
    signatory: { form: input.signatory.form ?? null, authority: input.signatory.authority ? text(input.signatory.authority) : null, position: text(input.signatory.position), name: text(input.signatory.name) },
    recipients: input.recipients.map(text),
  };
}

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

interface SubmissionRow {
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

const toView = (row: SubmissionRow): SubmissionView => ({
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

const COLUMNS = 'id, area, quarter, revision, status, narrative, submitted_by, submitted_at, reviewed_by, reviewed_at, comments, version';

/**
 * Who reports to the province (ADR 0044): a unit directly under it that is a district-level unit
 * (three tiers, before 1 July 2025) or a commune (two tiers): the same rule at any depth of the tree.
 */
const REPORTS_TO_PROVINCE = `(d.kind IN ('district', 'commune') AND array_length(string_to_array(d.path, '.'), 1) = 2)`;

function conflict(detail: string): ProblemException {
  return new ProblemException({ type: problemType('submission-state'), title: 'Xung đột trạng thái (Conflict)', status: HttpStatus.CONFLICT, detail });
}

/**
 * The directive's closing paragraph: the units under the province report every quarter; the province
 * approves (the figures are then frozen in the snapshot) or returns with comments.
 */
@Injectable()
export class ReportSubmissionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: QuarterlyReportService,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
  ) {}

  async submit(input: SubmitReportDto, caller: Caller, now = new Date()): Promise<SubmissionView> {
    if (!isWithinArea(input.area, caller.area)) throw forbidden(`You report for your own area (${caller.area}), not ${input.area}.`);
    await this.requireReportingUnit(input.area);
    const snapshot = await this.reports.build({ area: input.area, period: input.quarter, view: 'as-at-time' }, 'vi');
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`submission|${input.area}|${input.quarter}`]);
      const latest: SubmissionRow[] = await tx.query(`SELECT ${COLUMNS} FROM report_submissions WHERE area = $1 AND quarter = $2 ORDER BY revision DESC LIMIT 1`, [input.area, input.quarter]);
      if (latest[0]?.status === 'approved') throw conflict(`The ${input.quarter} report of ${input.area} is approved and frozen.`);
      if (latest[0]?.status === 'submitted') throw conflict(`The ${input.quarter} report of ${input.area} awaits review; it can be submitted again once returned.`);
      const rows: SubmissionRow[] = await tx.query(
        `INSERT INTO report_submissions (id, area, quarter, revision, status, snapshot, narrative, submitted_by, submitted_at, document)
         VALUES ($1, $2, $3, $4, 'submitted', $5::jsonb, $6, $7, $8, $9::jsonb) RETURNING ${COLUMNS}`,
        [
          uuidv7(now.getTime()),
          input.area,
          input.quarter,
          (latest[0]?.revision ?? 0) + 1,
          JSON.stringify(snapshot),
          input.narrative.normalize('NFC'),
          caller.subject,
          now,
          input.document ? JSON.stringify(documentHeading(input.document)) : null,
        ],
      );
      return toView(rows[0]!);
    });
  }

  approve(id: string, caller: Caller, expectedVersion?: number, now = new Date()): Promise<SubmissionView> {
    return this.review(id, caller, expectedVersion, 'approved', null, now);
  }

  returnForChanges(id: string, comments: string, caller: Caller, expectedVersion?: number, now = new Date()): Promise<SubmissionView> {
    return this.review(id, caller, expectedVersion, 'returned', comments.normalize('NFC'), now);
  }

  async get(id: string, caller: Caller): Promise<SubmissionView & { snapshot: unknown }> {
    const rows: (SubmissionRow & { snapshot: unknown })[] = await this.dataSource.query(`SELECT ${COLUMNS}, snapshot FROM report_submissions WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row || !isWithinArea(row.area, caller.area)) throw notFound('submission', `No report submission ${id} in your area.`);
    return { ...toView(row), snapshot: row.snapshot };
  }

  /** Every unit of the caller's area that reports to the province (districts; communes directly under it) and where its report stands. */
  async status(quarter: string, caller: Caller, now = new Date()): Promise<{ quarter: string; deadline: string; districts: { code: string; name: string; area: string; state: SubmissionState; submissionId: string | null }[] }> {
    const deadline = submissionDeadline(quarter, this.settings.deadlineDays);
    const rows: { code: string; name: string; path: string; id: string | null; status: string | null; submitted_at: Date | null }[] = await this.dataSource.query(
      `SELECT d.code, d.name, d.path, s.id, s.status, s.submitted_at
         FROM report_units_v1 d
         LEFT JOIN LATERAL (SELECT id, status, submitted_at FROM report_submissions
                             WHERE area = d.path AND quarter = $2 ORDER BY revision DESC LIMIT 1) s ON true
        WHERE ${REPORTS_TO_PROVINCE} AND d.status = 'active' AND ${sqlWithinArea('d.path', '$1')}
        ORDER BY d.path`,
      [caller.area, quarter],
    );
    return {
      quarter,
      deadline: deadline.toISOString(),
      districts: rows.map((row) => ({
        code: row.code,
        name: row.name,
        area: row.path,
        state: submissionState(row.status ? { status: row.status, submittedAt: new Date(row.submitted_at!) } : null, deadline, now),
        submissionId: row.id,
      })),
    };
  }

  private async review(id: string, caller: Caller, expectedVersion: number | undefined, status: 'approved' | 'returned', comments: string | null, now: Date): Promise<SubmissionView> {
    return this.dataSource.transaction(async (tx) => {
      const rows: SubmissionRow[] = await tx.query(`SELECT ${COLUMNS} FROM report_submissions WHERE id = $1 FOR UPDATE`, [id]);
      const row = rows[0];
      if (!row || !isWithinArea(row.area, caller.area)) throw notFound('submission', `No report submission ${id} in your area.`);
      // The province reviews what a district submitted, not its own report.
      if (row.area === caller.area) throw forbidden('A report is reviewed by the level above the one that submitted it.');
      if (expectedVersion !== undefined && expectedVersion !== row.version) throw staleVersion(row.version, expectedVersion);
      if (row.status !== 'submitted') throw conflict(`This submission is already ${row.status}.`);
      const [updated]: [SubmissionRow[], number] = await tx.query(
        `UPDATE report_submissions SET status = $2, reviewed_by = $3, reviewed_at = $4, comments = $5, version = version + 1 WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, status, caller.subject, now, comments],
      );
      return toView(updated[0]!);
    });
  }

  private async requireReportingUnit(area: string): Promise<void> {
    const rows: { reports: boolean }[] = await this.dataSource.query(`SELECT ${REPORTS_TO_PROVINCE} AS reports FROM report_units_v1 d WHERE d.path = $1 AND d.status = 'active'`, [area]);
    if (rows[0]?.reports !== true) {
      throw new ProblemException({
        type: problemType('not-a-reporting-unit'),
        title: 'Không phải đơn vị báo cáo lên tỉnh (Not a unit that reports to the province)',
        status: 422,
        detail: `${area} is not an active unit directly under the province; quarterly reports go to the province from its districts, towns and cities, or from communes directly under it (two tiers, since 1 July 2025).`,
        errors: [{ field: 'area', message: 'must be an active district, or a commune directly under the province' }],
      });
    }
  }
}
