// What the services answer, as far as the dashboard reads it: the published documents' types
// (tools/api-client/generated), not copies.
import type { components as ReportingSchemas } from '../../../../tools/api-client/generated/reporting';
import type { components as UnitsSchemas } from '../../../../tools/api-client/generated/units';

export type UnitView = UnitsSchemas['schemas']['UnitView'];

export type Watermark = ReportingSchemas['schemas']['WatermarkDto'];

export type FreshnessByProjection = Record<string, Watermark>;

// The report's shape is the reporting service's own (libs/report-model), not a copy.
export type { QuarterlyReport, ReportDetail, ReportRow, ReportSection } from '@binh-yen/report-model';

export type IncidentCounts = ReportingSchemas['schemas']['IncidentCountsDto'];

export type SubmissionStatus = ReportingSchemas['schemas']['SubmissionStatusView'];

export type SubmissionState = SubmissionStatus['districts'][number]['state'];
