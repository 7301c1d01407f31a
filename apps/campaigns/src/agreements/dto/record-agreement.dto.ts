import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { PARTY_PATTERN } from '@binh-yen/campaigns-domain';
import { IsCalendarDate } from '../../shared/validation';
import { IsUnitCode } from '@binh-yen/http';

const PARTY = new RegExp(PARTY_PATTERN);

export class ObligationDto {
  @ApiProperty({ example: 'police' })
  @Matches(PARTY, { message: 'party must be an agency or a sector (sector:<slug>)' })
  party!: string;

  @ApiProperty({ example: 'Cung cấp tình hình an ninh trật tự, hướng dẫn nghiệp vụ cho tổ an ninh nhân dân' })
  @IsString()
  @Length(1, 2000)
  text!: string;
}

export class RecordAgreementDto {
  @ApiProperty({ example: 'Quy chế phối hợp giữa Công an tỉnh và Ủy ban Mặt trận Tổ quốc tỉnh' })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ example: ['police', 'fatherland-front'], description: 'The agencies (or sectors, sector:<slug>) that signed; you are one of them' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(50)
  @Matches(PARTY, { each: true, message: 'each of parties must be an agency or a sector (sector:<slug>)' })
  parties!: string[];

  @ApiProperty({ example: '2026-03-20' })
  @IsCalendarDate('signedOn', '2026-03-20')
  signedOn!: string;

  @ApiProperty({ example: '2026-04-01' })
  @IsCalendarDate('effectiveFrom', '2026-04-01')
  effectiveFrom!: string;

  @ApiPropertyOptional({ example: '2028-03-31', description: 'Leave out (or null) for an agreement in force until replaced', type: String, nullable: true })
  @IsOptional()
  @IsCalendarDate('effectiveTo', '2028-03-31')
  effectiveTo?: string;

  @ApiProperty({ example: ['25'], description: 'Codes of the units where it applies (each with everything under it)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique({ message: 'scopeUnitCodes must not repeat a unit' })
  @IsUnitCode('scopeUnitCodes', { each: true })
  scopeUnitCodes!: string[];

  @ApiProperty({ type: [ObligationDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ObligationDto)
  obligations!: ObligationDto[];
}
