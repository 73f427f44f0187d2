export * from './embedded-config/embedded.config';
export * from './service-config/service.config';
