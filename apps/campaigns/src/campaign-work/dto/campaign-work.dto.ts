import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ActivityKinds, PARTY_PATTERN, type ActivityKind } from '@binh-yen/campaigns-domain';
import { IsCalendarDate } from '../../shared/validation';
import { IsUnitCode } from '@binh-yen/http';

const COUNT = { min: 0, max: 10_000_000 };

/** Participants by group; a person may count in several groups, or in none. */
export class ParticipantGroupsDto {
  @ApiPropertyOptional({ example: 12 }) @IsOptional() @IsInt() @Min(COUNT.min) @Max(COUNT.max) youth?: number;
  @ApiPropertyOptional({ example: 20 }) @IsOptional() @IsInt() @Min(COUNT.min) @Max(COUNT.max) women?: number;
  @ApiPropertyOptional({ example: 5 }) @IsOptional() @IsInt() @Min(COUNT.min) @Max(COUNT.max) veterans?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(COUNT.min) @Max(COUNT.max) farmers?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(COUNT.min) @Max(COUNT.max) elderly?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(COUNT.min) @Max(COUNT.max) students?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(COUNT.min) @Max(COUNT.max) workers?: number;
  @ApiPropertyOptional({ name: 'ethnic-minorities' }) @IsOptional() @IsInt() @Min(COUNT.min) @Max(COUNT.max) 'ethnic-minorities'?: number;
  @ApiPropertyOptional({ name: 'religious-followers' }) @IsOptional() @IsInt() @Min(COUNT.min) @Max(COUNT.max) 'religious-followers'?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(COUNT.min) @Max(COUNT.max) officials?: number;
}

export class ParticipantsDto {
  @ApiProperty({ example: 45 })
  @IsInt()
  @Min(COUNT.min)
  @Max(COUNT.max)
  total!: number;

  @ApiProperty({ type: ParticipantGroupsDto })
  @ValidateNested()
  @Type(() => ParticipantGroupsDto)
  byGroup!: ParticipantGroupsDto;
}

export class RecordActivityDto {
  @ApiProperty({ enum: ActivityKinds })
  @IsIn(ActivityKinds)
  kind!: ActivityKind;

  @ApiProperty({ example: '2026-07-10' })
  @IsCalendarDate('heldOn', '2026-07-10')
  heldOn!: string;

  @ApiProperty({ example: '07882', description: 'The unit where it was held; in the campaign scope' })
  @IsUnitCode('unitCode')
  unitCode!: string;

  @ApiProperty({ example: 'womens-union', description: 'The lead or a partner agency of the campaign' })
  @Matches(new RegExp(PARTY_PATTERN), { message: 'organisingAgency must be an agency or a sector (sector:<slug>)' })
  organisingAgency!: string;

  @ApiProperty({ type: ParticipantsDto })
  @ValidateNested()
  @Type(() => ParticipantsDto)
  participants!: ParticipantsDto;

  @ApiProperty({ example: 'Họp dân khu 3 bàn biện pháp phòng chống trộm cắp' })
  @IsString()
  @Length(0, 4000)
  notes!: string;
}

export class RecordPledgeDto {
  @ApiProperty({ example: '07885', description: 'The unit whose households pledge; in the campaign scope' })
  @IsUnitCode('unitCode')
  unitCode!: string;

  @ApiProperty({ example: 320, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  households!: number;

  @ApiProperty({ example: '2026-05-01' })
  @IsCalendarDate('validFrom', '2026-05-01')
  validFrom!: string;

  @ApiProperty({ example: '2027-04-30' })
  @IsCalendarDate('validTo', '2027-04-30')
  validTo!: string;
}

export class ActivityView {
  @ApiProperty() id!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty({ enum: ActivityKinds }) kind!: string;
  @ApiProperty() heldOn!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() path!: string;
  @ApiProperty() organisingAgency!: string;
  @ApiProperty({ type: ParticipantsDto }) participants!: { total: number; byGroup: Record<string, number> };
  @ApiProperty() notes!: string;
}

export class PledgeView {
  @ApiProperty() id!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() path!: string;
  @ApiProperty() households!: number;
  @ApiProperty() validFrom!: string;
  @ApiProperty() validTo!: string;
}
