import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { PROPOSAL_KINDS, type ProposalKind } from '@jdpipe/contracts';
import { REVIEW_ITEM_STATUSES, type ReviewItemStatus } from '@jdpipe/review';

/** `GET /v1/review` query. */
export class ReviewListQueryDto {
  @ApiPropertyOptional({ enum: PROPOSAL_KINDS })
  @IsOptional()
  @IsIn(PROPOSAL_KINDS)
  kind?: ProposalKind;

  @ApiPropertyOptional({ enum: REVIEW_ITEM_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(REVIEW_ITEM_STATUSES)
  status: ReviewItemStatus = 'pending';

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;
}

export class ReviewItemParamsDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  id!: number;
}

export class ReviewActionParamsDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  actionId!: number;
}

/** Edit-then-approve: every field is optional; without any, the proposal is approved as it came. */
export class ApproveReviewItemDto {
  @ApiPropertyOptional({
    description: 'The name (skill, role) or text (alias, KRA) to approve instead of the proposed value',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  as?: string;

  @ApiPropertyOptional({ description: 'Same as `as`; `as` wins when both are given', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'Skill category; for a new role, its domain slug', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  category?: string;

  @ApiPropertyOptional({ description: 'Skill nature, e.g. TOOL, LANGUAGE, FRAMEWORK', maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  nature?: string;
}

export class MergeReviewItemDto {
  @ApiProperty({
    description: 'A catalog skill slug (the value becomes its alias) or another pending item id ("42" or "#42")',
    example: 'python',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  into!: string;
}
