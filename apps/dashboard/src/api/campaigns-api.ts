// The campaigns service's operations the officers' forms use (apps/campaigns/src/*/dto). One
// module per service, so a generated OpenAPI client can replace it without touching the forms.
import { getJson, sendCommand } from './client';
import type { Session } from './session';

export const ACTIVITY_KINDS = ['meeting', 'propaganda-session', 'training', 'patrol', 'mediation-session', 'inspection'] as const;
export const PARTICIPANT_GROUPS = ['youth', 'women', 'veterans', 'farmers', 'elderly', 'students', 'workers', 'ethnic-minorities', 'religious-followers', 'officials'] as const;
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];

export interface CampaignSummary {
  id: string;
  name: string;
  leadAgency: string;
  status: string;
}

export interface RecordActivityBody {
  kind: (typeof ACTIVITY_KINDS)[number];
  heldOn: string;
  unitCode: string;
  organisingAgency: string;
  participants: { total: number; byGroup: Partial<Record<ParticipantGroup, number>> };
  notes: string;
}

export interface ActivityView extends RecordActivityBody {
  id: string;
  campaignId: string;
}

export interface RecordPledgeBody {
  unitCode: string;
  households: number;
  validFrom: string;
  validTo: string;
}

export const campaignsApi = {
  list: (session: Session, signal?: AbortSignal) => getJson<{ items: CampaignSummary[]; nextCursor: string | null }>(session, 'campaigns', 'campaigns', { limit: '100' }, signal),
  recordActivity: (session: Session, campaignId: string, body: RecordActivityBody, idempotencyKey: string) =>
    sendCommand<ActivityView>(session, 'campaigns', `campaigns/${encodeURIComponent(campaignId)}/activities`, { body, idempotencyKey }),
  recordPledge: (session: Session, campaignId: string, body: RecordPledgeBody, idempotencyKey: string) =>
    sendCommand<RecordPledgeBody & { id: string; campaignId: string }>(session, 'campaigns', `campaigns/${encodeURIComponent(campaignId)}/pledges`, { body, idempotencyKey }),
};
