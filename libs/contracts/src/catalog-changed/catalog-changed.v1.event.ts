// class-transformer reads design-time metadata while decoding events.
import 'reflect-metadata';

import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsString, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';

/**
 * `catalog.changed.v1`: the catalog in the database changed (a review action, an import, an undo); every
 * instance of every stage reloads its matchers. Not a pipeline event: it belongs to no run or posting.
 */
export class CatalogChangedV1 {
  /** Unique per announcement. */
  @IsUUID()
  eventId!: string;

  /** Major.minor of the event schema; the major is also in the topic name. */
  @IsIn(['1.0'])
  schemaVersion!: '1.0';

  @IsISO8601()
  occurredAt!: string;

  /** The app that announced the change (cli, gateway, ...). */
  @IsString()
  @IsNotEmpty()
  producer!: string;

  /**
   * The catalog version the change produced. Null when the announcer does not know it; consumers then
   * reload unconditionally instead of comparing with the version they hold.
   */
  @ValidateIf((_event, value) => value !== null)
  @IsInt()
  @Min(1)
  catalogVersion!: number | null;

  /** Why the catalog changed, as recorded with the catalog version (e.g. "review: approve alias ..."). */
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

/** Message key of every `catalog.changed.v1` event: one key keeps announcements in order on one partition. */
export const CATALOG_CHANGED_KEY = 'catalog';
