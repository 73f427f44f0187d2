export { RoleMatcher, type RoleDecision, type RoleMatchInput } from './decision/role-matcher';
export { normaliseTitle, cleanDisplayTitle } from './title/normalise-title';
export { SIGNAL_WEIGHTS, THRESHOLDS, KRA_FULL_EVIDENCE } from './decision/policy';
export { KRA_VECTOR_DIMENSIONS } from './signals/kra-index';
