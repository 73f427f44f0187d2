export * from './fake-llm-server';
export * from './fake-llm-replies';
export * from './deterministic-embedding';
export * from './recorded-answers';
export * from './posting-answers';
