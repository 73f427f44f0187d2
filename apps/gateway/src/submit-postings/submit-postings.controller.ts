import { BadRequestException, Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

import { PostingBatchDto, PostingDto } from './posting.dto';
import { SubmitPostingsHandler, type AcceptedPosting } from './submit-postings.handler';

/** `POST /v1/postings`: one posting, or `{"postings": [...]}`; answers 202 with a run id per posting. */
@Controller('v1/postings')
export class SubmitPostingsController {
  constructor(@Inject(SubmitPostingsHandler) private readonly handler: SubmitPostingsHandler) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async submit(@Body() body: unknown): Promise<{ runs: AcceptedPosting[] }> {
    const isBatch = typeof body === 'object' && body !== null && 'postings' in body;
    const postings = isBatch ? validated(PostingBatchDto, body).postings : [validated(PostingDto, body)];
    return { runs: await this.handler.submit(postings) };
  }
}

function validated<T extends object>(dtoClass: new () => T, body: unknown): T {
  const dto = plainToInstance(dtoClass, body ?? {});
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new BadRequestException({ title: 'Invalid posting', errors: fieldErrors(errors) });
  }
  return dto;
}

/** `[{field: "postings.3.description", messages: [...]}]`: one entry per failing field path. */
function fieldErrors(errors: ValidationError[], prefix = ''): Array<{ field: string; messages: string[] }> {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}
