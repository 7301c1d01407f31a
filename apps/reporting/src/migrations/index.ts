import { CreateIncidentCounts1764300000000 } from './1764300000000-create-incident-counts';
import { CreateMovementScorecard1764400000000 } from './1764400000000-create-movement-scorecard';
import { CreateReportSubmissions1764500000000 } from './1764500000000-create-report-submissions';
import { CreateIncidentRollup1764700000000 } from './1764700000000-create-incident-rollup';
import { CreateCampaignFigures1765500000000 } from './1765500000000-create-campaign-figures';
import { CreateCasePipeline1765600000000 } from './1765600000000-create-case-pipeline';
import { CreateTaxonomyNames1766400000000 } from './1766400000000-create-taxonomy-names';
import { SubmissionDocument1766400000001 } from './1766400000001-submission-document';

/** In order; the only way the reporting schema changes. */
export const reportingMigrations = [CreateIncidentCounts1764300000000, CreateMovementScorecard1764400000000, CreateReportSubmissions1764500000000, CreateIncidentRollup1764700000000, CreateCampaignFigures1765500000000, CreateCasePipeline1765600000000, CreateTaxonomyNames1766400000000, SubmissionDocument1766400000001];
