import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { IsUnitCode } from '@binh-yen/http';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

class EffectiveChangeDto {
  @ApiProperty({ example: '2026-07-01' })
  @IsISO8601({ strict: true }, { message: 'effectiveFrom must be a date such as 2026-07-01' })
  @Matches(DATE, { message: 'effectiveFrom must be a date such as 2026-07-01' })
  effectiveFrom!: string;
}

export class RenameUnitDto extends EffectiveChangeDto {
  @ApiProperty({ example: 'Phường Gia Cẩm' })
  @IsString()
  @Length(1, 300)
  name!: string;
}

export class MoveUnitDto extends EffectiveChangeDto {
  @ApiProperty({ example: '25', description: 'Code of the new parent' })
  @IsUnitCode('newParentCode')
  newParentCode!: string;
}

export class MergeUnitsDto extends EffectiveChangeDto {
  @ApiProperty({ example: ['07897'], description: 'Units merged away' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUnitCode('sourceCodes', { each: true })
  sourceCodes!: string[];

  @ApiProperty({ example: '07894', description: 'The unit they merge into' })
  @IsUnitCode('targetCode')
  targetCode!: string;
}

export class SplitPartDto {
  @ApiProperty({ example: '07894A' })
  @IsUnitCode('code')
  code!: string;

  @ApiProperty({ example: 'Phường Gia Cẩm Bắc' })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ example: 'ward' })
  @Matches(/^[a-z][a-z-]{1,40}$/, { message: 'subkind must be a lower-case word such as "ward"' })
  subkind!: string;

  @ApiProperty({ example: ['0789401'], description: 'Active children of the split unit this part takes' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUnitCode('childCodes', { each: true })
  childCodes!: string[];
}

export class SplitUnitDto extends EffectiveChangeDto {
  @ApiProperty({ type: [SplitPartDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SplitPartDto)
  parts!: SplitPartDto[];
}

export class DissolveUnitDto extends EffectiveChangeDto {
  @ApiProperty({ example: 'Sáp nhập địa giới hành chính theo Nghị quyết của Quốc hội' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
