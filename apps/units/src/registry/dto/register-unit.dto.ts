import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { UnitKinds, type UnitKind } from '@binh-yen/units-domain';

export const UNIT_CODE = /^[A-Za-z0-9_]{1,32}$/;
export const UNIT_CODE_MESSAGE = 'must be an official unit code: letters, digits or _, up to 32';

export class RegisterUnitDto {
  @ApiProperty({ example: '07894', description: 'Official code (unique)' })
  @Matches(UNIT_CODE, { message: `code ${UNIT_CODE_MESSAGE}` })
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
  @Matches(UNIT_CODE, { message: `parentCode ${UNIT_CODE_MESSAGE}` })
  parentCode?: string;

  @ApiProperty({ example: '1998-01-01' })
  @IsISO8601({ strict: true }, { message: 'effectiveFrom must be a date such as 2026-07-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be a date such as 2026-07-01' })
  effectiveFrom!: string;
}
