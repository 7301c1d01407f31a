import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CaseActions, CloseReasons, Verdicts, type CaseAction, type CloseReason, type Verdict } from '@binh-yen/incidents-domain';
import { IsUnitCode } from '@binh-yen/http';
import { WITH_ZONE } from './report-incident.dto';

export class TransitionIncidentDto {
  @ApiProperty({ enum: CaseActions, example: 'verify' })
  @IsIn(CaseActions, { message: `action must be one of ${CaseActions.join(', ')}` })
  action!: CaseAction;

  @ApiPropertyOptional({ example: 'Đã xác minh tại hiện trường', description: 'Kept in the timeline; never in events' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;

  @ApiPropertyOptional({ enum: CloseReasons, description: 'close only' })
  @IsOptional()
  @IsIn(CloseReasons, { message: `reason must be one of ${CloseReasons.join(', ')}` })
  reason?: CloseReason;

  @ApiPropertyOptional({ enum: Verdicts, description: 'record-verdict only' })
  @IsOptional()
  @IsIn(Verdicts, { message: `verdict must be one of ${Verdicts.join(', ')}` })
  verdict?: Verdict;

  @ApiPropertyOptional({ example: '3 năm tù giam', description: 'record-verdict of a conviction' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  sentenceSummary?: string;

  @ApiPropertyOptional({
    example: '2026-09-28T14:00:00+07:00',
    description: 'When the step was taken (the verification, the referral, the indictment, the verdict…), if it is keyed in later; now when absent. Not before the previous step, not in the future.',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'takenAt must be an ISO 8601 date-time' })
  @Matches(WITH_ZONE, { message: 'takenAt must carry a time zone (Z or +07:00)' })
  takenAt?: string;
}

export class TransferIncidentDto {
  @ApiProperty({ example: '07885', description: 'Code of the unit that takes over the case' })
  @IsString()
  @IsUnitCode('toUnitCode')
  toUnitCode!: string;

  @ApiPropertyOptional({ example: 'Vụ việc xảy ra trên địa bàn phường Vân Cơ' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}
