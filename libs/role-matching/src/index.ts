export { RoleMatcher, type RoleDecision, type RoleMatchInput } from './decision/role-matcher';
export { normaliseTitle, cleanDisplayTitle } from './title/normalise-title';
export { SIGNAL_WEIGHTS, THRESHOLDS, KRA_FULL_EVIDENCE } from './decision/policy';
export { KRA_VECTOR_DIMENSIONS } from './signals/kra-index';
export { TitleIndex, DEFAULT_TITLE_INDEX_WEIGHTS, type TitleCandidate, type TitleIndexWeights } from './title/title-index';
export {
  bestKraByEmbedding,
  EMBEDDING_COSINE_BAND,
  type EmbeddedText,
  type KraEmbeddingEvidence,
  meanUnitVector,
} from './signals/kra-embedding';
