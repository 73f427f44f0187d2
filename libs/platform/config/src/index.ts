export * from './embedded-config/embedded.config';
export * from './service-config/service.config';
export * from './settings/whole-number';
export * from './catalog-freshness/catalog-freshness.config';
