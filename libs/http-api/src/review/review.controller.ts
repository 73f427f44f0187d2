import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import { ReviewService } from '@jdpipe/review';

import { CurrentPrincipal, type ApiPrincipal } from '../auth/current-principal.decorator';
import { RequireRole } from '../auth/require-role.decorator';
import { ReviewErrorsInterceptor } from './review-errors.interceptor';
import {
  ApproveReviewItemDto,
  MergeReviewItemDto,
  ReviewActionParamsDto,
  ReviewItemParamsDto,
  ReviewListQueryDto,
} from './review-request.dto';
import { ReviewActionOutcomeDto, ReviewItemDetailsDto, ReviewItemListDto, UndoOutcomeDto } from './review-response.dto';

/**
 * The review queue over HTTP: anyone with a key reads it, reviewers decide. Every decision is recorded under
 * the acting key's name and can be undone.
 */
@ApiTags('review')
@Controller('v1/review')
@UseInterceptors(ReviewErrorsInterceptor)
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Get()
  @ApiOperation({ summary: 'Review items (pending by default), most frequent first, each with a suggested action' })
  @ApiOkResponse({ type: ReviewItemListDto })
  async list(@Query() query: ReviewListQueryDto): Promise<ReviewItemListDto> {
    return { items: await this.review.list({ kind: query.kind, status: query.status, limit: query.limit }) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One review item with the runs that proposed it and its decisions' })
  @ApiParam({ name: 'id', type: 'integer' })
  @ApiOkResponse({ type: ReviewItemDetailsDto })
  @ApiNotFoundResponse({ description: 'No such review item' })
  show(@Param() params: ReviewItemParamsDto): Promise<ReviewItemDetailsDto> {
    return this.review.show(params.id);
  }

  @Post(':id/approve')
  @RequireRole('reviewer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approve a proposal, optionally edited first; the catalog changes at once' })
  @ApiParam({ name: 'id', type: 'integer' })
  @ApiOkResponse({ type: ReviewActionOutcomeDto })
  @ApiNotFoundResponse({ description: 'No such review item, or the domain named does not exist' })
  @ApiConflictResponse({ description: 'Already decided, or the skill or role already exists' })
  @ApiUnprocessableEntityResponse({ description: 'The edit gives no usable name or nature' })
  approve(
    @Param() params: ReviewItemParamsDto,
    @Body() body: ApproveReviewItemDto,
    @CurrentPrincipal() principal: ApiPrincipal,
  ): Promise<ReviewActionOutcomeDto> {
    return this.review.approve(params.id, { by: principal.name, as: body.as ?? body.name, category: body.category, nature: body.nature });
  }

  @Post(':id/reject')
  @RequireRole('reviewer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reject a proposal' })
  @ApiParam({ name: 'id', type: 'integer' })
  @ApiOkResponse({ type: ReviewActionOutcomeDto })
  @ApiNotFoundResponse({ description: 'No such review item' })
  @ApiConflictResponse({ description: 'Already decided' })
  reject(@Param() params: ReviewItemParamsDto, @CurrentPrincipal() principal: ApiPrincipal): Promise<ReviewActionOutcomeDto> {
    return this.review.reject(params.id, principal.name);
  }

  @Post(':id/merge')
  @RequireRole('reviewer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Merge a proposal into a catalog skill (as an alias) or into another pending item' })
  @ApiParam({ name: 'id', type: 'integer' })
  @ApiOkResponse({ type: ReviewActionOutcomeDto })
  @ApiNotFoundResponse({ description: 'No such review item, target item or skill' })
  @ApiConflictResponse({ description: 'Already decided, or the target item is' })
  @ApiUnprocessableEntityResponse({ description: 'The merge is not possible for this kind or target' })
  merge(
    @Param() params: ReviewItemParamsDto,
    @Body() body: MergeReviewItemDto,
    @CurrentPrincipal() principal: ApiPrincipal,
  ): Promise<ReviewActionOutcomeDto> {
    return this.review.merge(params.id, body.into, principal.name);
  }

  @Post('actions/:actionId/undo')
  @RequireRole('reviewer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Undo a review action: its catalog change is reverted and the item is pending again' })
  @ApiParam({ name: 'actionId', type: 'integer' })
  @ApiOkResponse({ type: UndoOutcomeDto })
  @ApiNotFoundResponse({ description: 'No such review action' })
  @ApiConflictResponse({ description: 'Already undone, or a later action builds on it' })
  undo(@Param() params: ReviewActionParamsDto, @CurrentPrincipal() principal: ApiPrincipal): Promise<UndoOutcomeDto> {
    return this.review.undo(params.actionId, principal.name);
  }
}
