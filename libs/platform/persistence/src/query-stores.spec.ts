import { migratedPgliteForSpecs } from './spec-fixtures/migrated-pglite';
import { registerQueryStoreBehaviour } from './spec-fixtures/query-store-behaviour';

registerQueryStoreBehaviour(migratedPgliteForSpecs());
