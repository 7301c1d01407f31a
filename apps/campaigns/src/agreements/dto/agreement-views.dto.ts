import { ApiProperty } from '@nestjs/swagger';
import { UnitRefView } from '../../campaigns/dto/campaign-views.dto';

export class ObligationView {
  @ApiProperty({ example: 'police' }) party!: string;
  @ApiProperty({ example: 'Hướng dẫn nghiệp vụ, cung cấp tình hình an ninh trật tự' }) text!: string;
}

/** An agreement as stored and as answered (all of it may be shown to callers in its area). */
export class AgreementView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String], example: ['police', 'fatherland-front'] }) parties!: string[];
  @ApiProperty({ example: '2026-03-20' }) signedOn!: string;
  @ApiProperty({ example: '2026-04-01' }) effectiveFrom!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: until replaced' }) effectiveTo!: string | null;
  @ApiProperty({ type: [UnitRefView] }) scope!: UnitRefView[];
  @ApiProperty({ type: [ObligationView] }) obligations!: ObligationView[];
  @ApiProperty({ example: '25' }) area!: string;
  @ApiProperty() recordingAgency!: string;
  @ApiProperty() version!: number;
}

export class AgreementPageView {
  @ApiProperty({ type: [AgreementView] }) items!: AgreementView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
