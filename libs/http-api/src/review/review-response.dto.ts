import { ApiProperty } from '@nestjs/swagger';

import { PROPOSAL_KINDS } from '@jdpipe/contracts';
import { REVIEW_ITEM_STATUSES } from '@jdpipe/review';

export class ReviewEvidenceDto {
  @ApiProperty({ format: 'uuid' })
  runId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The posting text around the proposal' })
  evidence!: string | null;

  @ApiProperty({ format: 'date-time' })
  seenAt!: string;
}

export class ReviewItemDto {
  @ApiProperty()
  id!: number;

  @ApiProperty({ enum: PROPOSAL_KINDS })
  kind!: string;

  @ApiProperty()
  value!: string;

  @ApiProperty()
  normalisedValue!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Skill slug of an alias, role slug of a KRA' })
  target!: string | null;

  @ApiProperty({ type: Object })
  payload!: Record<string, unknown>;

  @ApiProperty({ enum: REVIEW_ITEM_STATUSES })
  status!: string;

  @ApiProperty({ description: 'How many runs proposed it' })
  occurrences!: number;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  firstRunId!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  lastRunId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  decidedBy!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  decidedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  lastSeenAt!: string;

  @ApiProperty({ type: [ReviewEvidenceDto], description: 'The latest evidence, newest first' })
  evidence!: ReviewEvidenceDto[];
}

export class SuggestionDto {
  @ApiProperty({ enum: ['new_skill', 'alias_of', 'merge_into_item', 'add_alias', 'add_kra', 'new_role'] })
  type!: string;

  @ApiProperty({ required: false })
  skillSlug?: string;

  @ApiProperty({ required: false })
  itemId?: number;

  @ApiProperty({ required: false })
  roleSlug?: string;
}

export class ListedReviewItemDto extends ReviewItemDto {
  @ApiProperty({ type: SuggestionDto, description: 'What a reviewer most likely wants to do' })
  suggestion!: SuggestionDto;

  @ApiProperty()
  suggestionText!: string;
}

export class ReviewItemListDto {
  @ApiProperty({ type: [ListedReviewItemDto], description: 'Most frequent first' })
  items!: ListedReviewItemDto[];
}

export class ProposingRunDto {
  @ApiProperty({ format: 'uuid' })
  runId!: string;

  @ApiProperty()
  postingId!: string;

  @ApiProperty({ type: String, nullable: true })
  title!: string | null;

  @ApiProperty({ type: String, nullable: true })
  roleSlug!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true })
  evidence!: string | null;
}

export class ReviewActionDto {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  queueId!: number;

  @ApiProperty({ enum: ['approve', 'reject', 'merge'] })
  action!: string;

  @ApiProperty({ description: 'The API key (or admin session) that acted' })
  actor!: string;

  @ApiProperty({ type: Object, description: '`{edits?, into?, effects: [...]}`: what the action changed, so it can be undone' })
  detail!: Record<string, unknown>;

  @ApiProperty({ type: Number, nullable: true })
  catalogVersion!: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true })
  undoneBy!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  undoneAt!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  undoCatalogVersion!: number | null;
}

export class ReviewItemDetailsDto {
  @ApiProperty({ type: ReviewItemDto })
  item!: ReviewItemDto;

  @ApiProperty({ type: SuggestionDto })
  suggestion!: SuggestionDto;

  @ApiProperty()
  suggestionText!: string;

  @ApiProperty({ type: [ProposingRunDto], description: 'Runs that proposed it, latest first' })
  runs!: ProposingRunDto[];

  @ApiProperty({ type: [ReviewActionDto], description: 'Decisions on it, oldest first' })
  actions!: ReviewActionDto[];
}

export class ReviewActionOutcomeDto {
  @ApiProperty({ type: ReviewActionDto })
  action!: ReviewActionDto;

  @ApiProperty({ type: ReviewItemDto })
  item!: ReviewItemDto;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The catalog version the action produced; null when the catalog did not change',
  })
  catalogVersion!: number | null;
}

export class UndoOutcomeDto {
  @ApiProperty({ type: ReviewActionDto })
  action!: ReviewActionDto;

  @ApiProperty({ type: Number, nullable: true })
  catalogVersion!: number | null;
}
