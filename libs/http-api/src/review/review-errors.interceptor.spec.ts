import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { firstValueFrom, throwError } from 'rxjs';

import { ReviewError } from '@jdpipe/review';

import { httpErrorOfReview, ReviewErrorsInterceptor } from './review-errors.interceptor';

describe('review errors over HTTP', () => {
  it('answers not_found 404, conflict 409 and invalid 422, keeping the message', () => {
    const statuses = (['not_found', 'conflict', 'invalid'] as const).map((reason) => {
      const error = httpErrorOfReview(new ReviewError(reason, `review item #7 is ${reason}`));
      assert.equal(error.message, `review item #7 is ${reason}`);
      return error.getStatus();
    });
    assert.deepEqual(statuses, [404, 409, 422]);
  });

  it('converts review errors thrown by a handler and lets other errors through unchanged', async () => {
    const interceptor = new ReviewErrorsInterceptor();
    const failing = (error: Error): CallHandler => ({ handle: () => throwError(() => error) });
    const context = {} as ExecutionContext;
    await assert.rejects(firstValueFrom(interceptor.intercept(context, failing(new ReviewError('conflict', 'already approved')))), {
      status: 409,
      message: 'already approved',
    });
    const other = new Error('database down');
    await assert.rejects(firstValueFrom(interceptor.intercept(context, failing(other))), (error: unknown) => error === other);
  });
});
