export * from './pipeline-platform/pipeline-platform.module';
