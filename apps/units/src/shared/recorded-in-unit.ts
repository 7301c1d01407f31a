import { ApiProperty } from '@nestjs/swagger';

/** What a command that records something in a unit (force, training session, hotspot) answers. */
export class RecordedInUnit {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '25.227.08' }) unitCode!: string;
}
