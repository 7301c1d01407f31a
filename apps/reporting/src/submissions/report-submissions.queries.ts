import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiProperty } from '@nestjs/swagger';
import { isWithinArea, sqlWithinArea, type Caller } from '@binh-yen/auth';
import { notFound, ProblemException, problemType } from '@binh-yen/http';
import { DataSource } from 'typeorm';
import { REPORTING_SETTINGS, type ReportingSettings } from './reporting-settings';
import { submissionDeadline, submissionState, type SubmissionState } from './submission-rules';
import { COLUMNS, SubmissionView, toView, type SubmissionRow } from './submission-record';
import { QuarterlyReportDto } from '../report/dto/quarterly-report.dto';

/** A submission with the snapshot of the figures it was submitted with. */
export class SubmissionWithSnapshot extends SubmissionView {
  @ApiProperty({ type: QuarterlyReportDto, description: 'The quarterly report as it stood when submitted (Vietnamese)' }) snapshot!: QuarterlyReportDto;
}

export class DistrictSubmissionState {
  @ApiProperty({ example: '25.227' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '25.227' }) area!: string;
  @ApiProperty({ enum: ['approved', 'submitted-on-time', 'submitted-late', 'returned', 'missing', 'overdue'] }) state!: SubmissionState;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Its latest submission for the quarter; null when none' }) submissionId!: string | null;
}

export class SubmissionStatusView {
  @ApiProperty({ example: '2026-Q3' }) quarter!: string;
  @ApiProperty({ format: 'date-time' }) deadline!: string;
  @ApiProperty({ type: [DistrictSubmissionState] }) districts!: DistrictSubmissionState[];
}

/**
 * Who reports to the province (ADR 0044): a unit directly under it that is a district-level unit
 * (three tiers, before 1 July 2025) or a commune (two tiers): the same rule at any depth of the tree.
 */
const REPORTS_TO_PROVINCE = `(d.kind IN ('district', 'commune') AND array_length(string_to_array(d.path, '.'), 1) = 2)`;

/** The read side of report submissions: one submission, and where the report of every unit under the province stands. */
@Injectable()
export class ReportSubmissionQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
  ) {}

  async get(id: string, caller: Caller): Promise<SubmissionWithSnapshot> {
    const rows: (SubmissionRow & { snapshot: QuarterlyReportDto })[] = await this.dataSource.query(`SELECT ${COLUMNS}, snapshot FROM report_submissions WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row || !isWithinArea(row.area, caller.area)) throw notFound('submission', `No report submission ${id} in your area.`);
    return { ...toView(row), snapshot: row.snapshot };
  }

  /** Every unit of the caller's area that reports to the province (districts; communes directly under it) and where its report stands. */
  async status(quarter: string, caller: Caller, now = new Date()): Promise<SubmissionStatusView> {
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

  /** 422 unless the area is an active unit that reports to the province (ADR 0044): a district, or a commune directly under it. */
  async requireReportingUnit(area: string): Promise<void> {
    const rows: { reports: boolean }[] = await this.dataSource.query(`SELECT ${REPORTS_TO_PROVINCE} AS reports FROM report_units_v1 d WHERE d.path = $1 AND d.status = 'active'`, [area]);
    if (rows[0]?.reports !== true) {
      throw new ProblemException({
        type: problemType('not-a-reporting-unit'),
        title: 'Không phải đơn vị báo cáo lên tỉnh (Not a unit that reports to the province)',
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        detail: `${area} is not an active unit directly under the province; quarterly reports go to the province from its districts, towns and cities, or from communes directly under it (two tiers, since 1 July 2025).`,
        errors: [{ field: 'area', message: 'must be an active district, or a commune directly under the province' }],
      });
    }
  }
}
