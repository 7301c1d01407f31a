import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { GoalMeasures, PARTY_PATTERN, type GoalMeasure } from '@binh-yen/campaigns-domain';
import { IsCalendarDate } from '../../shared/validation';
import { IsUnitCode } from '@binh-yen/http';

const PARTY = new RegExp(PARTY_PATTERN);
const PARTY_MESSAGE = 'must be an agency (police, fatherland-front, womens-union, ...) or a sector written sector:<slug>';

export class GoalDto {
  @ApiProperty({ enum: GoalMeasures, example: 'households-pledged', description: 'What is counted, from the activities, pledges and stories recorded' })
  @IsIn(GoalMeasures)
  measure!: GoalMeasure;

  @ApiProperty({ example: 500, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  target!: number;
}

export class LaunchCampaignDto {
  @ApiProperty({ example: 'Toàn dân bảo vệ an ninh Tổ quốc năm 2026 tại thành phố Việt Trì' })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ example: 'movement', description: 'A campaign kind slug (GET /api/v1/campaign-kinds)' })
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'kind must be a campaign kind slug (GET /api/v1/campaign-kinds)' })
  kind!: string;

  @ApiProperty({ example: 'fatherland-front', description: 'The agency that leads the campaign' })
  @Matches(PARTY, { message: `leadAgency ${PARTY_MESSAGE}` })
  leadAgency!: string;

  @ApiProperty({ example: ['police', 'womens-union', 'sector:culture'], description: 'Partner agencies, mass organisations and sectors' })
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(PARTY, { each: true, message: `each of partnerAgencies ${PARTY_MESSAGE}` })
  partnerAgencies!: string[];

  @ApiProperty({ example: ['07882', '07885'], description: 'Codes of the units the campaign covers (each with everything under it)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique({ message: 'scopeUnitCodes must not repeat a unit' })
  @IsUnitCode('scopeUnitCodes', { each: true })
  scopeUnitCodes!: string[];

  @ApiProperty({ example: '2026-04-01' })
  @IsCalendarDate('startsOn', '2026-04-01')
  startsOn!: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsCalendarDate('endsOn', '2026-12-31')
  endsOn!: string;

  @ApiProperty({ type: [GoalDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => GoalDto)
  goals!: GoalDto[];

  @ApiPropertyOptional({ type: [String], description: 'Ids of the joint coordination agreements the campaign implements' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each of agreementIds must be an agreement id' })
  agreementIds?: string[];
}
