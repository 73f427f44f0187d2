import { migratedPgliteForSpecs } from '@jdpipe/testing';

import { registerQueryStoreBehaviour } from './spec-fixtures/query-store-behaviour';

registerQueryStoreBehaviour(migratedPgliteForSpecs());
