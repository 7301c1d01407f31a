import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsAreaPath, IsQuarter } from '@binh-yen/http';

export class SubmitReportDto {
  @ApiProperty({ example: '25.227', description: 'The district-level unit reporting (its path)' })
  @IsAreaPath('area')
  area!: string;

  @ApiProperty({ example: '2026-Q3' })
  @IsQuarter('quarter')
  quarter!: string;

  @ApiProperty({ example: 'Quý III, tình hình an ninh trật tự trên địa bàn cơ bản ổn định…' })
  @IsString()
  @Length(1, 20_000)
  narrative!: string;
}

export class ReturnReportDto {
  @ApiProperty({ example: 'Bổ sung số liệu về mô hình tự quản' })
  @IsString()
  @Length(1, 4000)
  comments!: string;
}

export class SubmissionStatusQuery {
  @ApiProperty({ example: '2026-Q3' })
  @IsQuarter('quarter')
  quarter!: string;
}
