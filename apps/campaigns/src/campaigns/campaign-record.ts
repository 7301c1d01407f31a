import type { CampaignState, CampaignStatus, Goal } from '@binh-yen/campaigns-domain';

/** A campaign as loaded inside a use case or query; never leaves the service as is. */
export interface CampaignRecord {
  id: string;
  name: string;
  kind: string;
  leadAgency: string;
  partnerAgencies: string[];
  startsOn: string;
  endsOn: string;
  status: CampaignStatus;
  area: string;
  activatedOn: string | null;
  closedOn: string | null;
  version: number;
  scope: { unitId: string; code: string; path: string }[];
  goals: Goal[];
  agreementIds: string[];
  reviews: { kind: 'interim' | 'final' }[];
}

export function stateOf(campaign: CampaignRecord): CampaignState {
  return {
    status: campaign.status,
    leadAgency: campaign.leadAgency,
    partnerAgencies: campaign.partnerAgencies,
    scopePaths: campaign.scope.map((unit) => unit.path),
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    reviews: campaign.reviews,
  };
}
