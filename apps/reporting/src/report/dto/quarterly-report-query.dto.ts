import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ReportPeriodQuery } from './report-period-query.dto';

export class QuarterlyReportQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx', 'html', 'docx', 'pdf'], default: 'json', description: 'docx and pdf: the official document (Decree 30/2020/NĐ-CP), always in Vietnamese' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx', 'html', 'docx', 'pdf'])
  format?: 'json' | 'csv' | 'xlsx' | 'html' | 'docx' | 'pdf';

  @ApiPropertyOptional({ description: 'docx and pdf: the submission whose frozen figures, issuer, signatory and recipients the document carries; without it, a draft with blanks' })
  @IsOptional()
  @IsUUID('all', { message: 'submission must be the id of a report submission' })
  submission?: string;
}
