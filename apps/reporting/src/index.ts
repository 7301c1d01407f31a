// The reporting service's public entry (ADR 0053): what the platform host, the tools and the benches may
// use of it. Nothing outside apps/reporting imports another file of its src/ (the boundary rule refuses it).
import { loadEnv } from '@binh-yen/http';
import type { ServiceEntry } from '@binh-yen/service-runtime';
import { ReportingAppModule, reportingService } from './app.module';
import { ReportingEnv } from './config/reporting.env';

export { ReportingEnv };

/** The service as main.ts starts it and a host composes it. */
export const reportingEntry: ServiceEntry<ReportingEnv> = {
  spec: reportingService,
  load(variables) {
    const env = loadEnv(ReportingEnv, variables);
    return { env, module: ReportingAppModule.register(env) };
  },
};

/** The benches drive the incident-count projection and its report queries directly. */
export { INCIDENT_COUNTS, IncidentCountsProjection } from './incident-counts/incident-counts.projection';
export { IncidentReportQueries } from './incident-counts/incident-report.queries';
