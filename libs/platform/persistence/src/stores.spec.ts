import { migratedPgliteForSpecs } from './spec-fixtures/migrated-pglite';
import { registerStoreBehaviour } from './spec-fixtures/store-behaviour';

registerStoreBehaviour(migratedPgliteForSpecs());
