import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, IsUrl, IsUUID, Length, ValidateNested } from 'class-validator';
import { OutletKinds, StorySubjectKinds, type OutletKind, type StorySubjectKind } from '@binh-yen/campaigns-domain';
import { IsCalendarDate } from '../../shared/validation';
import { IsUnitCode } from '@binh-yen/http';

export class OutletDto {
  @ApiProperty({ example: 'Báo Phú Thọ' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: OutletKinds })
  @IsIn(OutletKinds)
  kind!: OutletKind;
}

export class StorySubjectDto {
  @ApiProperty({ enum: StorySubjectKinds, description: 'A good person, a collective, or a model of the units service' })
  @IsIn(StorySubjectKinds)
  kind!: StorySubjectKind;

  @ApiPropertyOptional({ example: 'Ông Nguyễn Văn Hùng, tổ trưởng tổ an ninh nhân dân khu 5', description: 'Required for a person or collective' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  name?: string;

  @ApiPropertyOptional({ description: 'Required for a model: its id in the units service' })
  @IsOptional()
  @IsUUID('all', { message: 'modelId must be a model id' })
  modelId?: string;
}

export class RecordStoryDto {
  @ApiProperty({ type: OutletDto })
  @IsDefined({ message: 'outlet is required: the outlet name and kind' })
  @IsObject()
  @ValidateNested()
  @Type(() => OutletDto)
  outlet!: OutletDto;

  @ApiProperty({ example: '2026-07-12' })
  @IsCalendarDate('publishedOn', '2026-07-12')
  publishedOn!: string;

  @ApiProperty({ example: 'Người giữ bình yên cho khu phố' })
  @IsString()
  @Length(1, 500)
  title!: string;

  @ApiPropertyOptional({ example: 'https://baophutho.vn/nguoi-giu-binh-yen.htm', description: 'Where it can be read, heard or seen (radio and print may have none); null or left out for none', type: String, nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'link must be an http(s) address' })
  @Length(1, 2000)
  link?: string;

  @ApiProperty({ type: StorySubjectDto })
  @IsDefined({ message: 'about is required: the person, collective or model the story is about' })
  @IsObject()
  @ValidateNested()
  @Type(() => StorySubjectDto)
  about!: StorySubjectDto;

  @ApiProperty({ example: '07882', description: 'The unit the person, collective or model belongs to' })
  @IsUnitCode('unitCode')
  unitCode!: string;

  @ApiPropertyOptional({ description: 'The campaign the story tells of; the unit must be in its scope' })
  @IsOptional()
  @IsUUID('all', { message: 'campaignId must be a campaign id' })
  campaignId?: string;
}
