export * from './pipeline-platform/pipeline-platform.module';
export * from './service-platform/service-platform.module';
export * from './health/health.module';
export * from './service-bootstrap/run-service';
