import { ApiProperty } from '@nestjs/swagger';
import { OutletDto } from './record-story.dto';

export class StorySubjectView {
  @ApiProperty({ enum: ['person', 'collective', 'model'] }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String }) modelId!: string | null;
}

export class StoryView {
  @ApiProperty() id!: string;
  @ApiProperty({ type: OutletDto }) outlet!: { name: string; kind: string };
  @ApiProperty() publishedOn!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) link!: string | null;
  @ApiProperty({ type: StorySubjectView }) about!: StorySubjectView;
  @ApiProperty() unitCode!: string;
  @ApiProperty() path!: string;
  @ApiProperty({ nullable: true, type: String }) campaignId!: string | null;
}

export class RecipientView {
  @ApiProperty({ enum: ['person', 'collective', 'unit'] }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty() unitCode!: string;
}

export class CommendationView {
  @ApiProperty() id!: string;
  @ApiProperty({ type: RecipientView }) recipient!: RecipientView;
  @ApiProperty() path!: string;
  @ApiProperty({ enum: ['province', 'district', 'commune'] }) level!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() awardedOn!: string;
  @ApiProperty() awardingAgency!: string;
  @ApiProperty({ nullable: true, type: String }) campaignId!: string | null;
  @ApiProperty({ nullable: true, type: String }) modelId!: string | null;
  @ApiProperty({ nullable: true, type: String }) storyId!: string | null;
}
