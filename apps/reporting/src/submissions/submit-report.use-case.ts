import { Injectable } from '@nestjs/common';
import { isWithinArea } from '@binh-yen/auth';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import { uuidv7 } from '@binh-yen/contracts';
import { forbidden } from '@binh-yen/http';
import { QuarterlyReportService } from '../report/quarterly-report.service';
import type { DocumentHeading } from '../report/official/official-document';
import type { DocumentHeadingDto, SubmitReportDto } from './dto/submissions.dto';
import { ReportSubmissionQueries } from './report-submissions.queries';
import { COLUMNS, conflict, toView, type SubmissionRow, type SubmissionView } from './submission-record';

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

/**
 * The directive's closing paragraph: a unit under the province (a district, or a commune directly
 * under it since 1 July 2025) reports every quarter, with a snapshot of its
 * figures and a narrative, once at a time (a returned report may be submitted again).
 */
@Injectable()
export class SubmitReportUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly submissions: ReportSubmissionQueries,
    private readonly reports: QuarterlyReportService,
  ) {}

  async execute(input: SubmitReportDto, context: CommandContext): Promise<SubmissionView> {
    const { caller, now } = context;
    if (!isWithinArea(input.area, caller.area)) throw forbidden(`You report for your own area (${caller.area}), not ${input.area}.`);
    await this.submissions.requireReportingUnit(input.area);
    // Built before the command's transaction: the report reads through its own snapshot (PGlite serves one transaction at a time).
    const snapshot = await this.reports.build({ area: input.area, period: input.quarter, view: 'as-at-time' }, 'vi');
    return this.pipeline.run({ name: 'submit-report', request: input }, context, async (tx) => {
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
      return { view: toView(rows[0]!) };
    });
  }
}
