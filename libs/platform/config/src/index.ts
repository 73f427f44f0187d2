export * from './embedded-config/embedded.config';
