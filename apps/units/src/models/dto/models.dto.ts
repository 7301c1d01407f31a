import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { IsUnitCode } from '@binh-yen/http';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RegisterModelDto {
  @ApiProperty({ example: '07894' })
  @IsUnitCode('unitCode')
  unitCode!: string;

  @ApiProperty({ example: 'security-camera-network', description: 'A model type slug (GET /api/v1/model-types)' })
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'modelType must be a model type slug' })
  modelType!: string;

  @ApiProperty({ example: 'Camera giám sát an ninh khu phố Gia Cẩm' })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ example: '2025-03-01' })
  @Matches(DATE, { message: 'startedOn must be a date such as 2025-03-01' })
  startedOn!: string;

  @ApiProperty({ example: 'Lắp 24 camera tại các ngõ, kết nối với Công an phường' })
  @IsString()
  @Length(0, 4000)
  description!: string;
}

export class ReviewModelDto {
  @ApiProperty({ enum: ['interim', 'final'], description: 'sơ kết (interim) or tổng kết (final)' })
  @IsIn(['interim', 'final'])
  kind!: 'interim' | 'final';

  @ApiProperty({ example: '2026-06-30' })
  @Matches(DATE, { message: 'reviewedOn must be a date such as 2026-06-30' })
  reviewedOn!: string;

  @ApiProperty({ enum: ['effective', 'partly-effective', 'ineffective'] })
  @IsIn(['effective', 'partly-effective', 'ineffective'])
  outcome!: 'effective' | 'partly-effective' | 'ineffective';

  @ApiProperty({ example: 'Cần duy trì kinh phí bảo trì camera' })
  @IsString()
  @Length(0, 4000)
  lessons!: string;
}

export class RecogniseModelDto {
  @ApiProperty({ example: '2026-07-15' })
  @Matches(DATE, { message: 'recognisedOn must be a date such as 2026-07-15' })
  recognisedOn!: string;
}

export class ReplicateModelDto {
  @ApiProperty({ example: '07897', description: 'The unit that adopts the model' })
  @IsUnitCode('targetUnitCode')
  targetUnitCode!: string;

  @ApiProperty({ example: '2026-08-01' })
  @Matches(DATE, { message: 'replicatedOn must be a date such as 2026-08-01' })
  replicatedOn!: string;
}
