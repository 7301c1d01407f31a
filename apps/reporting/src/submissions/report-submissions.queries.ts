import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isWithinArea, sqlWithinArea, type Caller } from '@binh-yen/auth';
import { notFound, ProblemException, problemType } from '@binh-yen/http';
import { DataSource } from 'typeorm';
import { REPORTING_SETTINGS, type ReportingSettings } from './reporting-settings';
import { submissionDeadline, submissionState, type SubmissionState } from './submission-rules';
import { COLUMNS, toView, type SubmissionRow, type SubmissionView } from './submission-record';

/** The read side of report submissions: one submission, and where every district's report stands. */
@Injectable()
export class ReportSubmissionQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
  ) {}

  async get(id: string, caller: Caller): Promise<SubmissionView & { snapshot: unknown }> {
    const rows: (SubmissionRow & { snapshot: unknown })[] = await this.dataSource.query(`SELECT ${COLUMNS}, snapshot FROM report_submissions WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row || !isWithinArea(row.area, caller.area)) throw notFound('submission', `No report submission ${id} in your area.`);
    return { ...toView(row), snapshot: row.snapshot };
  }

  /** Every district-level unit of the caller's area and where its report stands. */
  async status(quarter: string, caller: Caller, now = new Date()): Promise<{ quarter: string; deadline: string; districts: { code: string; name: string; area: string; state: SubmissionState; submissionId: string | null }[] }> {
    const deadline = submissionDeadline(quarter, this.settings.deadlineDays);
    const rows: { code: string; name: string; path: string; id: string | null; status: string | null; submitted_at: Date | null }[] = await this.dataSource.query(
      `SELECT d.code, d.name, d.path, s.id, s.status, s.submitted_at
         FROM report_units_v1 d
         LEFT JOIN LATERAL (SELECT id, status, submitted_at FROM report_submissions
                             WHERE area = d.path AND quarter = $2 ORDER BY revision DESC LIMIT 1) s ON true
        WHERE d.kind = 'district' AND d.status = 'active' AND ${sqlWithinArea('d.path', '$1')}
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

  /** 422 unless the area is an active district-level unit: districts submit quarterly reports. */
  async requireDistrict(area: string): Promise<void> {
    const rows: { kind: string }[] = await this.dataSource.query(`SELECT kind FROM report_units_v1 WHERE path = $1 AND status = 'active'`, [area]);
    if (rows[0]?.kind !== 'district') {
      throw new ProblemException({
        type: problemType('not-a-district'),
        title: 'Không phải đơn vị cấp huyện (Not a district-level unit)',
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        detail: `${area} is not an active district-level unit; quarterly reports are submitted by districts, towns and cities.`,
        errors: [{ field: 'area', message: 'must be an active district-level unit' }],
      });
    }
  }
}
