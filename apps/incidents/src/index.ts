// The incidents service's public entry (ADR 0053): what the platform host, the tools and the benches may
// use of it. Nothing outside apps/incidents imports another file of its src/ (the boundary rule refuses it).
import { loadEnv } from '@binh-yen/http';
import type { ServiceEntry } from '@binh-yen/service-runtime';
import { IncidentsAppModule, incidentsService } from './app.module';
import { IncidentsEnv } from './config/incidents.env';

export { IncidentsEnv };
/** The report-incident request, so the naive peer of bench:http validates exactly what the service does. */
export { ReportIncidentDto } from './incidents/dto/report-incident.dto';

/** The service as main.ts starts it and a host composes it. */
export const incidentsEntry: ServiceEntry<IncidentsEnv> = {
  spec: incidentsService,
  load(variables) {
    const env = loadEnv(IncidentsEnv, variables);
    return { env, module: IncidentsAppModule.register(env) };
  },
};
