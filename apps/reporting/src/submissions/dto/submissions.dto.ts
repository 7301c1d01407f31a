import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsAreaPath, IsQuarter } from '@binh-yen/http';
import { AUTHORITY_FORMS, type AuthorityForm } from '../../report/official/official-document';

/** Who signs the official document (Decree 30/2020/NĐ-CP): "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Nguyễn Văn A". */
export class SignatoryDto {
  @ApiPropertyOptional({ enum: AUTHORITY_FORMS, nullable: true, example: 'KT.', description: 'KT. (on behalf of), TM. (for a collective), Q., TL., TUQ.; null when signing in one’s own name' })
  @IsOptional()
  @IsIn([...AUTHORITY_FORMS, null])
  form: AuthorityForm | null = null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'GIÁM ĐỐC', description: 'Whom the form signs for; required with a form' })
  @ValidateIf((signatory: SignatoryDto) => signatory.form !== null && signatory.form !== undefined)
  @IsString()
  @Length(1, 120)
  authority: string | null = null;

  @ApiProperty({ example: 'PHÓ GIÁM ĐỐC' })
  @IsString()
  @Length(1, 120)
  position!: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @Length(1, 120)
  name!: string;
}

/** The official document's issuer, number, place, signatory and recipients (ADR 0043). */
export class DocumentHeadingDto {
  @ApiProperty({ example: 'UBND tỉnh Phú Thọ', description: 'The body above the issuer' })
  @IsString()
  @Length(1, 160)
  parentBody!: string;

  @ApiProperty({ example: 'Công an tỉnh Phú Thọ' })
  @IsString()
  @Length(1, 160)
  issuingBody!: string;

  @ApiProperty({ example: 'CAT', description: 'The issuer’s abbreviation in "Số: 15/BC-CAT"' })
  @Matches(/^[A-ZĐ0-9]{1,12}(-[A-ZĐ0-9]{1,12}){0,2}$/u, { message: 'symbol must be upper-case letters, such as CAT or UBND' })
  symbol!: string;

  @ApiPropertyOptional({ type: 'integer', example: 15, nullable: true, description: 'The number in the issuer’s register; left blank for the clerk when absent' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999_999)
  number: number | null = null;

  @ApiProperty({ example: 'Việt Trì' })
  @IsString()
  @Length(1, 80)
  place!: string;

  @ApiProperty({ type: SignatoryDto })
  @ValidateNested()
  @Type(() => SignatoryDto)
  signatory!: SignatoryDto;

  @ApiProperty({ example: ['UBND tỉnh (để báo cáo)', 'Ban Thường trực UBMTTQ tỉnh'], description: 'One recipient a line; "Lưu: VT, <symbol>" is added' })
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  recipients!: string[];
}

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

  @ApiPropertyOptional({ type: DocumentHeadingDto, description: 'Issuer, signatory and recipients of the official document (DOCX, PDF); without it the document is a draft with blanks' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentHeadingDto)
  document?: DocumentHeadingDto;
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
