import { Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';

import { RequireRole } from '../auth/require-role.decorator';
import { POSTING_INTAKE, type PostingIntake } from '../http-api.ports';
import { validatedBody } from '../problem-details/validation-errors';
import { AcceptedPostingsDto, PostingBatchDto, PostingDto } from './posting.dto';

/** `POST /v1/postings`: one posting, or `{"postings": [...]}`; answers 202 with a run id per posting. */
@ApiTags('postings')
@ApiExtraModels(PostingDto, PostingBatchDto)
@Controller('v1/postings')
export class PostingsController {
  constructor(@Inject(POSTING_INTAKE) private readonly intake: PostingIntake) {}

  @Post()
  @RequireRole('ingest')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Submit one posting or a batch; each becomes a run' })
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(PostingDto) }, { $ref: getSchemaPath(PostingBatchDto) }] } })
  @ApiAcceptedResponse({ type: AcceptedPostingsDto })
  async submit(@Body() body: unknown): Promise<AcceptedPostingsDto> {
    const isBatch = typeof body === 'object' && body !== null && 'postings' in body;
    const postings = isBatch
      ? validatedBody(PostingBatchDto, body, 'Invalid postings').postings
      : [validatedBody(PostingDto, body, 'Invalid posting')];
    return { runs: await this.intake.submit(postings) };
  }
}
