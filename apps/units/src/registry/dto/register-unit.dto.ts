import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { UnitKinds, type UnitKind } from '@binh-yen/units-domain';
import { IsUnitCode } from '@binh-yen/http';


export class RegisterUnitDto {
  @ApiProperty({ example: '07894', description: 'Official code (unique)' })
  @IsUnitCode('code')
  code!: string;

  @ApiProperty({ example: 'Phường Gia Cẩm' })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ enum: UnitKinds })
  @IsIn(UnitKinds)
  kind!: UnitKind;

  @ApiProperty({ example: 'ward', description: 'province|municipality, district|city|town, commune|ward|township, village|hamlet|residential-group|…, agency|enterprise|production-establishment|school' })
  @Matches(/^[a-z][a-z-]{1,40}$/, { message: 'subkind must be a lower-case word such as "ward"' })
  subkind!: string;

  @ApiPropertyOptional({ example: '227', description: 'Code of the parent unit (none for a province)' })
  @IsOptional()
  @IsUnitCode('parentCode')
  parentCode?: string;

  @ApiProperty({ example: '1998-01-01' })
  @IsISO8601({ strict: true }, { message: 'effectiveFrom must be a date such as 2026-07-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be a date such as 2026-07-01' })
  effectiveFrom!: string;
}
