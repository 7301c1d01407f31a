import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { CommendationLevels, RecipientKinds, type CommendationLevel, type RecipientKind } from '@binh-yen/campaigns-domain';
import { IsCalendarDate } from '../../shared/validation';
import { IsUnitCode } from '@binh-yen/http';

export class RecipientDto {
  @ApiProperty({ enum: RecipientKinds })
  @IsIn(RecipientKinds)
  kind!: RecipientKind;

  @ApiPropertyOptional({ example: 'Bà Nguyễn Thị Lan', description: 'Required for a person or collective; left out for a unit' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  name?: string;

  @ApiProperty({ example: '07882', description: 'The unit commended, or the one the person or collective belongs to' })
  @IsUnitCode('unitCode')
  unitCode!: string;
}

export class AwardCommendationDto {
  @ApiProperty({ type: RecipientDto })
  @IsDefined({ message: 'recipient is required: the person, collective or unit commended' })
  @IsObject({ message: 'recipient must be an object with kind, name and unitCode' })
  @ValidateNested()
  @Type(() => RecipientDto)
  recipient!: RecipientDto;

  @ApiProperty({ enum: CommendationLevels, description: 'Who awards it: the province, a district or a commune (at your area’s level or below)' })
  @IsIn(CommendationLevels)
  level!: CommendationLevel;

  @ApiProperty({ example: 'Có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2026' })
  @IsString()
  @Length(1, 2000)
  reason!: string;

  @ApiProperty({ example: '2026-07-14' })
  @IsCalendarDate('awardedOn', '2026-07-14')
  awardedOn!: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'campaignId must be a campaign id' }) campaignId?: string;
  @ApiPropertyOptional({ description: 'A model of the units service' }) @IsOptional() @IsUUID('all', { message: 'modelId must be a model id' }) modelId?: string;
  @ApiPropertyOptional({ description: 'The media story that told of the deed' }) @IsOptional() @IsUUID('all', { message: 'storyId must be a story id' }) storyId?: string;
}
