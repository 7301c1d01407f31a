// The campaigns service's operations the dashboard uses, through the generated client: the
// types are the published document's (@binh-yen/api-client).
import type { CampaignsSchemas as components } from '@binh-yen/api-client';
import { api, bearer, commandAnswer, commandHeaders, dataOf } from './client';
import type { Session } from './session';

type Schemas = components['schemas'];

export type RecordActivityBody = Schemas['RecordActivityDto'];
export type RecordPledgeBody = Schemas['RecordPledgeDto'];
export type ActivityView = Schemas['ActivityView'];
export type CampaignSummary = Schemas['CampaignView'];

export const ACTIVITY_KINDS = ['meeting', 'propaganda-session', 'training', 'patrol', 'mediation-session', 'inspection'] as const satisfies readonly RecordActivityBody['kind'][];
export const PARTICIPANT_GROUPS = ['youth', 'women', 'veterans', 'farmers', 'elderly', 'students', 'workers', 'ethnic-minorities', 'religious-followers', 'officials'] as const satisfies readonly (keyof Schemas['ParticipantGroupsDto'])[];
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];

const byId = (id: string) => ({ path: { id } });

export const campaignsApi = {
  list: (session: Session, signal?: AbortSignal) => dataOf(api.campaigns.GET('/api/v1/campaigns', { params: { query: { limit: 100 } }, headers: bearer(session), signal })),
  recordActivity: (session: Session, campaignId: string, body: RecordActivityBody, idempotencyKey: string) =>
    commandAnswer(api.campaigns.POST('/api/v1/campaigns/{id}/activities', { params: byId(campaignId), body, headers: commandHeaders(session, idempotencyKey) })),
  recordPledge: (session: Session, campaignId: string, body: RecordPledgeBody, idempotencyKey: string) =>
    commandAnswer(api.campaigns.POST('/api/v1/campaigns/{id}/pledges', { params: byId(campaignId), body, headers: commandHeaders(session, idempotencyKey) })),
};
