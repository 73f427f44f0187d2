import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import type { EventBus } from '@jdpipe/messaging';
import { CatalogStore, ReviewQueueStore } from '@jdpipe/persistence';
import { announceCatalogChange, CatalogRuntime } from '@jdpipe/pipeline-stages';
import { ReviewService } from '@jdpipe/review';

/**
 * The review service of a running pipeline host: its database, and its matchers caught up after every
 * catalog change (the same catch-up a service runs on `catalog.changed.v1`), so the next run in this
 * process already matches against the new catalog.
 */
export function reviewServiceOf(app: INestApplicationContext): ReviewService {
  const runtime = app.get(CatalogRuntime);
  return new ReviewService(app.get(ReviewQueueStore), app.get(CatalogStore), async (version) => {
    await runtime.catchUp(version);
  });
}

/**
 * The review service of the Kafka deployment, on its PostgreSQL: every change is announced as
 * `catalog.changed.v1` on `bus`, so the running services reload. Without a bus they still catch up, through
 * their periodic catalog version check.
 */
export function announcingReviewService(dataSource: DataSource, bus: EventBus | null, producer: string): ReviewService {
  return new ReviewService(new ReviewQueueStore(dataSource), new CatalogStore(dataSource), async (version) => {
    if (!bus) return;
    await announceCatalogChange(bus, { catalogVersion: version, reason: await versionReason(dataSource, version) }, producer);
  });
}

/** The reason recorded with a catalog version, e.g. "review: approve alias pyspark (apache-spark) by asha". */
export async function versionReason(dataSource: DataSource, version: number): Promise<string> {
  const rows = (await dataSource.query('SELECT reason FROM catalog_versions WHERE id = $1', [version])) as Array<{ reason: string }>;
  return rows[0]?.reason ?? `catalog version ${version}`;
}
