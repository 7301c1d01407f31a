import createClient, { type Client } from 'openapi-fetch';
import type { paths as CampaignsPaths } from './generated/campaigns';
import type { paths as IncidentsPaths } from './generated/incidents';
import type { paths as ReportingPaths } from './generated/reporting';
import type { paths as UnitsPaths } from './generated/units';

// Each document's schemas and operations, for code that names a body or an answer's type.
export type { components as CampaignsSchemas, operations as CampaignsOperations } from './generated/campaigns';
export type { components as IncidentsSchemas, operations as IncidentsOperations } from './generated/incidents';
export type { components as ReportingSchemas, operations as ReportingOperations } from './generated/reporting';
export type { components as UnitsSchemas, operations as UnitsOperations } from './generated/units';

/** The paths of each service's published OpenAPI document, as generated types (ADR 0048). */
export interface ServicePaths {
  units: UnitsPaths;
  incidents: IncidentsPaths;
  campaigns: CampaignsPaths;
  reporting: ReportingPaths;
}

export type ServiceClients = { [S in keyof ServicePaths]: Client<ServicePaths[S]> };

/** One openapi-fetch client per service: request bodies, parameters and answers typed from the documents. */
export function serviceClients(urls: Record<keyof ServicePaths, string>): ServiceClients {
  return {
    units: createClient<UnitsPaths>({ baseUrl: urls.units }),
    incidents: createClient<IncidentsPaths>({ baseUrl: urls.incidents }),
    campaigns: createClient<CampaignsPaths>({ baseUrl: urls.campaigns }),
    reporting: createClient<ReportingPaths>({ baseUrl: urls.reporting }),
  };
}
