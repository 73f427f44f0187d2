import type { INestApplicationContext } from '@nestjs/common';

import { CatalogStore, ReviewQueueStore } from '@jdpipe/persistence';
import { CatalogRuntime } from '@jdpipe/pipeline-stages';
import { ReviewService } from '@jdpipe/review';

/**
 * The review service of a running pipeline host: its database, and its matchers reloaded after every
 * catalog change, so the next run in this process already matches against the new catalog.
 */
export function reviewServiceOf(app: INestApplicationContext): ReviewService {
  const runtime = app.get(CatalogRuntime);
  return new ReviewService(app.get(ReviewQueueStore), app.get(CatalogStore), async () => {
    await runtime.reload();
  });
}
