import { Injectable } from '@nestjs/common';
import { isWithinArea } from '@binh-yen/auth';
import { checkExpectedVersion, CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import { forbidden, notFound } from '@binh-yen/http';
import { COLUMNS, conflict, toView, type SubmissionRow, type SubmissionView } from './submission-record';

/** The province approves a district's submitted report (its figures are then frozen in the snapshot) or returns it with comments. */
@Injectable()
export class ReviewSubmissionUseCase {
  constructor(private readonly pipeline: CommandPipeline) {}

  approve(id: string, context: CommandContext): Promise<SubmissionView> {
    return this.review(id, 'approved', null, context);
  }

  returnForChanges(id: string, comments: string, context: CommandContext): Promise<SubmissionView> {
    return this.review(id, 'returned', comments.normalize('NFC'), context);
  }

  private review(id: string, status: 'approved' | 'returned', comments: string | null, context: CommandContext): Promise<SubmissionView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: `review-submission-${status}`, request: { id, comments } }, context, async (tx) => {
      const rows: SubmissionRow[] = await tx.query(`SELECT ${COLUMNS} FROM report_submissions WHERE id = $1 FOR UPDATE`, [id]);
      const row = rows[0];
      if (!row || !isWithinArea(row.area, caller.area)) throw notFound('submission', `No report submission ${id} in your area.`);
      // The province reviews what a district submitted, not its own report.
      if (row.area === caller.area) throw forbidden('A report is reviewed by the level above the one that submitted it.');
      checkExpectedVersion(context, row.version);
      if (row.status !== 'submitted') throw conflict(`This submission is already ${row.status}.`);
      const [updated]: [SubmissionRow[], number] = await tx.query(
        `UPDATE report_submissions SET status = $2, reviewed_by = $3, reviewed_at = $4, comments = $5, version = version + 1 WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, status, caller.subject, now, comments],
      );
      return { view: toView(updated[0]!) };
    });
  }
}
