import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsAreaPath, IsQuarter } from '@binh-yen/http';

export class UnitStandingsQuery {
  @ApiProperty({ example: '2026-Q3', description: 'Quarter in Vietnam time' })
  @IsQuarter('quarter')
  quarter!: string;

  @ApiPropertyOptional({ example: '25.227', description: 'Area path: this unit and everything under it; by default your own area, never one outside it' })
  @IsOptional()
  @IsAreaPath('area')
  area?: string;
}

export class UnitStandingDto {
  @ApiProperty({ example: '07894' }) code!: string;
  @ApiProperty({ example: 'Phường Gia Cẩm' }) name!: string;
  @ApiProperty({ example: '25.227.07894' }) path!: string;
  // null among the values too: OpenAPI 3.0 validators check the enum before `nullable`.
  @ApiProperty({ type: String, enum: ['strong', 'fair', 'average', 'weak', null], nullable: true, description: 'The quarter’s movement rating (its latest revision); null when not rated' })
  rating!: 'strong' | 'fair' | 'average' | 'weak' | null;
  @ApiProperty({ type: String, nullable: true, example: 'Tụ điểm cờ bạc gần bến xe', description: 'The reason of a hotspot designation covering the quarter (the latest one); null when none' })
  hotspot!: string | null;
}

export class UnitStandingsDto {
  @ApiProperty() quarter!: string;
  @ApiProperty({ example: '25.227' }) area!: string;
  @ApiProperty({ type: [UnitStandingDto], description: 'Active units of the area rated in the quarter or designated hotspots in it, by path' })
  items!: UnitStandingDto[];
}
