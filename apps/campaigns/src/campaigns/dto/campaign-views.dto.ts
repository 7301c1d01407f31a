import { ApiProperty } from '@nestjs/swagger';
import type { CampaignRecord } from '../campaign-record';

export class UnitRefView {
  @ApiProperty() unitId!: string;
  @ApiProperty({ example: '07882' }) code!: string;
  @ApiProperty({ example: '25.227.07882' }) path!: string;
}

export class GoalView {
  @ApiProperty({ example: 'households-pledged' }) measure!: string;
  @ApiProperty({ example: 500 }) target!: number;
}

export class CampaignView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'movement' }) kind!: string;
  @ApiProperty({ example: 'fatherland-front' }) leadAgency!: string;
  @ApiProperty({ type: [String] }) partnerAgencies!: string[];
  @ApiProperty({ type: [UnitRefView] }) scope!: UnitRefView[];
  @ApiProperty({ example: '2026-04-01' }) startsOn!: string;
  @ApiProperty({ example: '2026-12-31' }) endsOn!: string;
  @ApiProperty({ type: [GoalView] }) goals!: GoalView[];
  @ApiProperty({ type: [String] }) agreementIds!: string[];
  @ApiProperty({ enum: ['planned', 'active', 'closed'] }) status!: string;
  @ApiProperty({ example: '25.227', description: 'The deepest unit above all of the scope' }) area!: string;
  @ApiProperty({ nullable: true, type: String }) activatedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedOn!: string | null;
  @ApiProperty({ description: 'Send it back in If-Match to update' }) version!: number;
}

export class CampaignPageView {
  @ApiProperty({ type: [CampaignView] }) items!: CampaignView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class GoalProgressView extends GoalView {
  @ApiProperty() achieved!: number;
  @ApiProperty({ description: 'achieved / target (1 = met)' }) ratio!: number;
  @ApiProperty() met!: boolean;
  @ApiProperty({ description: 'At least as far along as the share of the period gone by' }) onTrack!: boolean;
}

export class CampaignProgressView {
  @ApiProperty() campaignId!: string;
  @ApiProperty({ example: '2026-07-15', description: "Vietnam's date the progress is computed for" }) asOf!: string;
  @ApiProperty({ description: 'Share of the period gone by (0 to 1)' }) elapsedShare!: number;
  @ApiProperty({ type: [GoalProgressView] }) goals!: GoalProgressView[];
  @ApiProperty() goalsMet!: number;
  @ApiProperty() activities!: number;
  @ApiProperty() participants!: number;
  @ApiProperty() householdsPledged!: number;
  @ApiProperty() storiesPublished!: number;
}

export class CampaignReviewView {
  @ApiProperty() id!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty({ enum: ['interim', 'final'] }) kind!: string;
  @ApiProperty() reviewedOn!: string;
  @ApiProperty({ enum: ['achieved', 'partly-achieved', 'not-achieved'] }) outcome!: string;
  @ApiProperty() lessons!: string;
  @ApiProperty({ type: [String] }) recommendedModelIds!: string[];
  @ApiProperty({ type: [GoalProgressView], description: 'Progress on the review day' }) progress!: GoalProgressView[];
}

export class CampaignKindView {
  @ApiProperty({ example: 'cultural-families' }) slug!: string;
  @ApiProperty({ example: 'Xây dựng gia đình văn hóa' }) nameVi!: string;
  @ApiProperty({ example: 'Building cultural families' }) nameEn!: string;
}

export function toCampaignView(campaign: CampaignRecord): CampaignView {
  return {
    id: campaign.id,
    name: campaign.name,
    kind: campaign.kind,
    leadAgency: campaign.leadAgency,
    partnerAgencies: campaign.partnerAgencies,
    scope: campaign.scope,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    goals: campaign.goals,
    agreementIds: campaign.agreementIds,
    status: campaign.status,
    area: campaign.area,
    activatedOn: campaign.activatedOn,
    closedOn: campaign.closedOn,
    version: campaign.version,
  };
}
