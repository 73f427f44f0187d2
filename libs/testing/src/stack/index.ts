export * from './start-stack';
export * from './service-process';
export * from './stack-database';
export * from './stack-topics';
export * from './gateway-client';
export * from './posting-corpus';
