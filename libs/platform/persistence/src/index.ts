export * from './data-source';
export * from './pglite/pglite-pg-driver';
export * from './catalog/catalog.store';
export * from './catalog/catalog-import.store';
export * from './runs/run.store';
export * from './review/review-queue.store';
export * from './review/proposal-key';
export { InitialSchema1795625921138 } from './migrations/1795625921138-initial-schema';
export { CatalogImports1795700000000 } from './migrations/1795700000000-catalog-imports';
