import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { CampaignStatuses, type CampaignStatus } from '@binh-yen/campaigns-domain';

export class ListCampaignsQuery {
  @ApiPropertyOptional({ enum: CampaignStatuses })
  @IsOptional()
  @IsIn(CampaignStatuses)
  status?: CampaignStatus;

  @ApiPropertyOptional({ example: 'cultural-families' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'kind must be a campaign kind slug' })
  kind?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsUUID('all', { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
