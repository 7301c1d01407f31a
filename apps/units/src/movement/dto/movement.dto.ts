import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Agencies } from '@binh-yen/auth';
import { MovementRatings, type MovementRating } from '@binh-yen/units-domain';
import { IsQuarter, IsUnitCode } from '@binh-yen/http';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ImprovementPlanDto {
  @ApiProperty({ example: ['Tăng cường tuần tra ban đêm', 'Họp dân bàn biện pháp phòng ngừa'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  actions!: string[];

  @ApiProperty({ example: 'police', enum: Agencies })
  @IsIn(Agencies)
  responsibleAgency!: string;

  @ApiProperty({ example: '2026-Q4' })
  @IsQuarter('targetQuarter', '2026-Q4')
  targetQuarter!: string;
}

export class RateUnitDto {
  @ApiProperty({ enum: MovementRatings, description: 'vững mạnh / khá / trung bình / yếu' })
  @IsIn(MovementRatings)
  rating!: MovementRating;

  @ApiProperty({ example: 'Đại úy Nguyễn Văn An, Công an thành phố Việt Trì' })
  @IsString()
  @Length(1, 200)
  assessor!: string;

  @ApiProperty({ example: '2026-10-05' })
  @IsISO8601({ strict: true }, { message: 'assessedOn must be a date such as 2026-10-05' })
  @Matches(DATE, { message: 'assessedOn must be a date such as 2026-10-05' })
  assessedOn!: string;

  @ApiProperty({ example: 'Không để xảy ra tội phạm nghiêm trọng; tổ an ninh hoạt động đều' })
  @IsString()
  @Length(1, 4000)
  justification!: string;

  @ApiPropertyOptional({ type: ImprovementPlanDto, description: 'Required for a weak rating' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ImprovementPlanDto)
  improvementPlan?: ImprovementPlanDto;
}

export class CertifyUnitDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(1998)
  @Max(2100)
  year!: number;

  @ApiProperty({ example: '2026-12-20' })
  @Matches(DATE, { message: 'grantedOn must be a date such as 2026-12-20' })
  grantedOn!: string;
}

export class RevokeCertificationDto {
  @ApiProperty({ example: 'Xảy ra vụ án giết người nghiêm trọng' })
  @IsString()
  @Length(1, 2000)
  reason!: string;

  @ApiProperty({ example: '2027-02-01' })
  @Matches(DATE, { message: 'revokedOn must be a date such as 2027-02-01' })
  revokedOn!: string;
}

export class DesignateHotspotDto {
  @ApiProperty({ example: 'Tranh chấp đất đai kéo dài, tụ tập đông người' })
  @IsString()
  @Length(1, 2000)
  reason!: string;

  @ApiProperty({ example: '2026-Q3' })
  @IsQuarter('fromQuarter')
  fromQuarter!: string;

  @ApiProperty({ example: '2027-Q2' })
  @IsQuarter('toQuarter', '2027-Q2')
  toQuarter!: string;
}

export class DesignatePilotDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(1998)
  @Max(2100)
  year!: number;

  @ApiProperty({ example: '07894', description: 'The grassroots unit piloted (chỉ đạo điểm)' })
  @IsUnitCode('pilotUnitCode')
  pilotUnitCode!: string;
}

export class PilotComplianceQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(1998)
  @Max(2100)
  year!: number;
}
