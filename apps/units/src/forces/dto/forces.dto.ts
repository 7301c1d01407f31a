import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ForceTypes, type ForceType } from '@binh-yen/units-domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RegisterForceDto {
  @ApiProperty({ enum: ForceTypes })
  @IsIn(ForceTypes)
  forceType!: ForceType;

  @ApiProperty({ example: 'Tổ bảo vệ dân phố số 3' })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ example: 12 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  headcount!: number;

  @ApiProperty({ example: 'Trần Văn Bình' })
  @IsString()
  @Length(1, 200)
  leader!: string;
}

export class RecordTrainingDto {
  @ApiProperty({ example: 'Nghiệp vụ tuần tra, kiểm soát' })
  @IsString()
  @Length(1, 300)
  course!: string;

  @ApiProperty({ enum: ForceTypes })
  @IsIn(ForceTypes)
  forceType!: ForceType;

  @ApiProperty({ example: '2026-09-08' })
  @Matches(DATE, { message: 'startsOn must be a date such as 2026-09-08' })
  startsOn!: string;

  @ApiProperty({ example: '2026-09-10' })
  @Matches(DATE, { message: 'endsOn must be a date such as 2026-09-10' })
  endsOn!: string;

  @ApiProperty({ example: 35 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  trainees!: number;

  @ApiProperty({ example: 24 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10_000)
  hours!: number;
}
