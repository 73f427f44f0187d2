import { migratedPgliteForSpecs } from '@jdpipe/testing';

import { registerStoreBehaviour } from './spec-fixtures/store-behaviour';

registerStoreBehaviour(migratedPgliteForSpecs());
