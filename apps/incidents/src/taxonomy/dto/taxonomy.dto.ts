import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

export const SLUG = /^[a-z][a-z0-9-]{1,63}$/;

export class UpsertDomainDto {
  @ApiProperty({ example: 'An ninh mạng' })
  @IsString()
  @Length(1, 200)
  nameVi!: string;

  @ApiProperty({ example: 'Cyber security' })
  @IsString()
  @Length(1, 200)
  nameEn!: string;

  @ApiPropertyOptional({ default: true, description: 'false retires it: old incidents keep it, new reports may not use it' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpsertCategoryDto extends UpsertDomainDto {
  @ApiProperty({ example: 'social-order', description: 'Security domain a report of this category falls in unless told otherwise' })
  @Matches(SLUG, { message: 'defaultDomain must be a taxonomy slug such as "social-order"' })
  defaultDomain!: string;
}
