import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ReviewKinds, ReviewOutcomes, type ReviewKind, type ReviewOutcome } from '@binh-yen/campaigns-domain';
import { IsCalendarDate } from '../../shared/validation';

export class ChangeCampaignStatusDto {
  @ApiProperty({ enum: ['active', 'closed'], description: 'planned → active → closed; a planned campaign can be called off (closed)' })
  @IsIn(['active', 'closed'])
  status!: 'active' | 'closed';

  @ApiProperty({ example: '2026-04-01', description: 'The day it took effect' })
  @IsCalendarDate('on', '2026-04-01')
  on!: string;

  @ApiPropertyOptional({ example: 'Hoàn thành kế hoạch năm' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class LinkAgreementDto {
  @ApiProperty({ description: 'A joint coordination agreement the campaign implements' })
  @IsUUID('all', { message: 'agreementId must be an agreement id' })
  agreementId!: string;
}

export class ReviewCampaignDto {
  @ApiProperty({ enum: ReviewKinds, description: 'sơ kết (interim) or tổng kết (final)' })
  @IsIn(ReviewKinds)
  kind!: ReviewKind;

  @ApiProperty({ example: '2026-07-10' })
  @IsCalendarDate('reviewedOn', '2026-07-10')
  reviewedOn!: string;

  @ApiProperty({ enum: ReviewOutcomes })
  @IsIn(ReviewOutcomes)
  outcome!: ReviewOutcome;

  @ApiProperty({ example: 'Phối hợp giữa Mặt trận và Công an phường chặt chẽ; cần nhân rộng tổ tự quản' })
  @IsString()
  @Length(0, 8000)
  lessons!: string;

  @ApiProperty({ type: [String], description: 'Ids of self-management models (units service) recommended for replication' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each of recommendedModelIds must be a model id' })
  recommendedModelIds!: string[];
}
