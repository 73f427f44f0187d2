import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
  type CallHandler,
  type ExecutionContext,
  type HttpException,
  type NestInterceptor,
} from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';

import { ReviewError } from '@jdpipe/review';

/** The HTTP answer to a refused review action: unknown item 404, already decided 409, unusable input 422. */
export function httpErrorOfReview(error: ReviewError): HttpException {
  switch (error.reason) {
    case 'not_found':
      return new NotFoundException(error.message);
    case 'conflict':
      return new ConflictException(error.message);
    case 'invalid':
      return new UnprocessableEntityException(error.message);
  }
}

/** Turns the review service's refusals into HTTP errors; anything else passes on untouched. */
@Injectable()
export class ReviewErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        throw error instanceof ReviewError ? httpErrorOfReview(error) : error;
      }),
    );
  }
}
