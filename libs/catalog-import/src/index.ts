export * from './import-batch';
export * from './naming/naming';
export * from './naming/alias-filter';
export * from './reading/delimited-records';
export * from './esco/esco-parser';
export * from './onet/onet-parser';
export * from './merge/merge-plan';
export * from './fixtures/fixture-dir';
