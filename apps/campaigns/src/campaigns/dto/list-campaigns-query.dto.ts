import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CampaignStatuses, type CampaignStatus } from '@binh-yen/campaigns-domain';
import { CursorPageQuery } from '@binh-yen/http';

export class ListCampaignsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: CampaignStatuses })
  @IsOptional()
  @IsIn(CampaignStatuses)
  status?: CampaignStatus;

  @ApiPropertyOptional({ example: 'cultural-families' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'kind must be a campaign kind slug' })
  kind?: string;
}
