import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WatermarkDto } from '../../freshness/watermark.dto';
import type { AgencyFigures, CampaignProgress, CampaignQuarterFigures } from '../campaign-figures.queries';

const counts = (description: string): Parameters<typeof ApiProperty>[0] => ({ type: 'object', additionalProperties: { type: 'number' }, description });

export class CampaignPeriodFiguresDto implements CampaignQuarterFigures {
  @ApiProperty() activities!: number;
  @ApiProperty() participants!: number;
  @ApiProperty(counts('Participants by group (youth, women, veterans, …)')) participantsByGroup!: Record<string, number>;
  @ApiProperty() households!: number;
  @ApiProperty() agreementsSigned!: number;
  @ApiProperty() stories!: number;
  @ApiProperty(counts('Stories by outlet')) storiesByOutlet!: Record<string, number>;
  @ApiProperty() commendations!: number;
  @ApiProperty(counts('Commendations by level')) commendationsByLevel!: Record<string, number>;
}

/** The period's figures and what they compare with: a quarter's two columns, or a year's one. */
export class ComparedCampaignFiguresDto {
  @ApiProperty({ type: CampaignPeriodFiguresDto }) current!: CampaignPeriodFiguresDto;
  @ApiPropertyOptional({ type: CampaignPeriodFiguresDto, description: 'Quarters only' }) previousQuarter?: CampaignPeriodFiguresDto;
  @ApiPropertyOptional({ type: CampaignPeriodFiguresDto, description: 'Quarters only' }) sameQuarterLastYear?: CampaignPeriodFiguresDto;
  @ApiPropertyOptional({ type: CampaignPeriodFiguresDto, description: 'Years only' }) previousYear?: CampaignPeriodFiguresDto;
}

export class AgencyFiguresDto implements AgencyFigures {
  @ApiProperty({ example: 'police' }) agency!: string;
  @ApiProperty() activities!: number;
  @ApiProperty() participants!: number;
  @ApiProperty() households!: number;
  @ApiProperty() agreementsSigned!: number;
  @ApiProperty() stories!: number;
  @ApiProperty() commendations!: number;
}

export class CampaignProgressDto implements CampaignProgress {
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'police' }) leadAgency!: string;
  @ApiProperty({ type: [String] }) partnerAgencies!: string[];
  @ApiProperty({ example: 'active' }) status!: string;
  @ApiProperty() activities!: number;
  @ApiProperty() participants!: number;
  @ApiProperty() households!: number;
  @ApiProperty({ description: '"measure: achieved/target" of the latest review, or the goals when not yet reviewed' }) progress!: string;
}

export class CampaignFiguresDto {
  @ApiProperty({ example: '25.227' }) area!: string;
  @ApiProperty({ example: '2026-Q3', description: 'The period as asked: a quarter or a year' }) period!: string;
  @ApiPropertyOptional({ example: '2026-Q3', description: 'For a quarter' }) quarter?: string;
  @ApiPropertyOptional({ example: '2026', description: 'For a year' }) year?: string;
  @ApiProperty({ type: ComparedCampaignFiguresDto }) figures!: ComparedCampaignFiguresDto;
  @ApiProperty({ enum: ['as-at-time', 'as-today'] }) view!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The agency asked for; null for all' }) agency!: string | null;
  @ApiProperty({ type: WatermarkDto }) currentAsOf!: WatermarkDto;
  @ApiProperty({ type: [AgencyFiguresDto] }) byAgency!: AgencyFiguresDto[];
  @ApiProperty({ type: [CampaignProgressDto] }) campaigns!: CampaignProgressDto[];
}
