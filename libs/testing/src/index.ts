export * from './shared-data/shared-data';
export * from './shared-data/read-csv';
export * from './run-documents/run-document.builder';
export * from './real-postings/real-postings';
export * from './kafka/wait-for';
export * from './kafka/kafka-test-harness';
export * from './fake-llm';
export * from './stack';
