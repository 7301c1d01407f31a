import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { UnitKinds, type UnitKind } from '@binh-yen/units-domain';
import { IsAreaPath } from '@binh-yen/http';

export class SearchUnitsQuery {
  @ApiPropertyOptional({ example: 'viet tri', description: 'Code, or part of the name, with or without diacritics' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ example: '25.227', description: 'Only units under this path' })
  @IsOptional()
  @IsAreaPath('under')
  under?: string;

  @ApiPropertyOptional({ enum: UnitKinds })
  @IsOptional()
  @IsIn(UnitKinds)
  kind?: UnitKind;

  @ApiPropertyOptional({ enum: ['active', 'merged', 'split', 'dissolved'] })
  @IsOptional()
  @IsIn(['active', 'merged', 'split', 'dissolved'])
  status?: string;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
