// What the services answer, as far as the dashboard reads it: the published documents' types
// (@binh-yen/api-client), not copies.
import type { ReportingSchemas, UnitsSchemas } from '@binh-yen/api-client';

export type UnitView = UnitsSchemas['schemas']['UnitView'];

export type Watermark = ReportingSchemas['schemas']['WatermarkDto'];

export type FreshnessByProjection = Record<string, Watermark>;

// The report's shape is the reporting service's own (libs/report-model), not a copy.
export type { QuarterlyReport, ReportDetail, ReportRow, ReportSection } from '@binh-yen/report-model';

export type IncidentCounts = ReportingSchemas['schemas']['IncidentCountsDto'];

export type SubmissionStatus = ReportingSchemas['schemas']['SubmissionStatusView'];

export type SubmissionState = SubmissionStatus['districts'][number]['state'];
