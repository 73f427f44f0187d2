export * from './model/catalog';
export * from './catalog-index/catalog-index';
export * from './catalog-check/alias-key';
export * from './catalog-check/check-catalog';
export * from './seed-loading/seed-catalog-loader';
