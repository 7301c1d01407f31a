import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { BoundaryView, QuarterlyReport, ReportDetail, ReportSection, ReportText } from '@binh-yen/report-model';
import { WatermarkDto } from '../../freshness/watermark.dto';

// The report's shape lives in libs/report-model (shared with the dashboard, no Nest there); these
// classes describe it for the OpenAPI document, and `implements` keeps them to the model's fields.

export class ReportAreaDto {
  @ApiProperty({ example: '25.227' }) path!: string;
  @ApiProperty({ example: 'Thành phố Việt Trì' }) name!: string;
}

/** A line of figures: a quarter's (previousQuarter, sameQuarterLastYear) or a year's (previousYear). */
export class ReportRowDto {
  @ApiProperty({ example: 'movement.strong', description: 'Stable identity of the line, for programs' }) key!: string;
  @ApiProperty({ description: 'The line in the report’s language' }) metric!: string;
  @ApiProperty({ type: String, enum: ['higher', 'lower'], nullable: true, description: 'Whether a rise is good news (higher), bad news (lower) or neither (null)' })
  better!: 'higher' | 'lower' | null;
  @ApiProperty() current!: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Quarters only' }) previousQuarter?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Quarters only' }) sameQuarterLastYear?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Years only' }) previousYear?: number | null;
}

export class ReportDetailDto implements ReportDetail {
  @ApiProperty() heading!: string;
  @ApiProperty({ type: [String] }) columns!: string[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } } }) rows!: string[][];
}

export class ReportSectionDto implements Omit<ReportSection, 'rows'> {
  @ApiProperty({ example: 'movement' }) key!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [ReportRowDto] }) rows!: ReportRowDto[];
  @ApiProperty({ type: [ReportDetailDto] }) details!: ReportDetailDto[];
}

export class ReportTextLineDto {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'In Vietnam’s time' }) at!: string;
}

export class ReportTextDto implements ReportText {
  @ApiProperty({ example: 'Quý IV/2026' }) period!: string;
  @ApiProperty() view!: string;
  @ApiProperty({ type: [ReportTextLineDto] }) currentAsOf!: ReportTextLineDto[];
}

/** The quarterly report (periodKind quarter, with quarter) or the year's roll-up (periodKind year, with year). */
@ApiExtraModels(WatermarkDto)
export class QuarterlyReportDto implements Omit<QuarterlyReport & { periodKind: 'quarter' }, 'sections' | 'periodKind' | 'quarter'> {
  @ApiProperty() title!: string;
  @ApiProperty({ type: ReportAreaDto }) area!: ReportAreaDto;
  @ApiProperty({ enum: ['as-at-time', 'as-today'] }) view!: BoundaryView;
  @ApiProperty({ enum: ['vi', 'en'] }) language!: 'vi' | 'en';
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(WatermarkDto) }, description: 'Per read model, up to when its figures are current (same snapshot as the figures)' })
  currentAsOf!: Record<string, WatermarkDto>;
  @ApiProperty({ type: ReportTextDto }) text!: ReportTextDto;
  @ApiProperty({ type: [ReportSectionDto] }) sections!: ReportSectionDto[];
  @ApiProperty({ enum: ['quarter', 'year'] }) periodKind!: 'quarter' | 'year';
  @ApiPropertyOptional({ example: '2026-Q3', description: 'With periodKind quarter' }) quarter?: string;
  @ApiPropertyOptional({ example: '2026', description: 'With periodKind year' }) year?: string;
}
