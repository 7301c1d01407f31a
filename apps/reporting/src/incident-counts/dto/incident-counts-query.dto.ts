import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsAreaPath, IsQuarter } from '@binh-yen/http';
import { WatermarkDto } from '../../freshness/watermark.dto';

export class IncidentCountsQuery {
  @ApiProperty({ example: '2026-Q3', description: 'Quarter in Vietnam time' })
  @IsQuarter('quarter')
  quarter!: string;

  @ApiPropertyOptional({ example: '25.227', description: 'Area path: this unit and everything under it; by default your own area, never one outside it' })
  @IsOptional()
  @IsAreaPath('area')
  area?: string;
}

export class CategoryNameDto {
  @ApiProperty({ example: 'Ma túy' }) vi!: string;
  @ApiProperty({ example: 'Drugs' }) en!: string;
}

export class CategoryCountDto {
  @ApiProperty() category!: string;
  @ApiProperty({ type: CategoryNameDto, description: 'The taxonomy’s name of the category at the end of the quarter (the slug where it has none)' }) name!: CategoryNameDto;
  @ApiProperty() incidents!: number;
}

export class IncidentCountsDto {
  @ApiProperty() quarter!: string;
  @ApiProperty({ type: String, nullable: true }) area!: string | null;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [CategoryCountDto] }) byCategory!: CategoryCountDto[];
  @ApiProperty({ type: WatermarkDto }) currentAsOf!: WatermarkDto;
}
