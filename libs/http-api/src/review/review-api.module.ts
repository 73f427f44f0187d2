import { Module } from '@nestjs/common';

import { ReviewController } from './review.controller';

/** `/v1/review…`, over the host's `ReviewService` (which reloads the host's matchers after a catalog change). */
@Module({ controllers: [ReviewController] })
export class ReviewApiModule {}
