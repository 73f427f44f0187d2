import { type CatalogRole } from '@jdpipe/catalog';
import { type KraMatch } from '@jdpipe/contracts';

import { type SkillOverlap } from '../signals/skill-signal';
import { type EvidenceBySignal } from './policy';

/** Everything computed about one role for one posting. */
export interface ScoredRole {
  role: CatalogRole;
  alias: { score: number; exact: boolean; alias: string | null; matchedTitle: string | null };
  /** Mean of the top-k per-sentence best cosines. */
  kraScore: number;
  /** Best KRA of this role per responsibility sentence, strongest first. */
  kraMatches: KraMatch[];
  skill: SkillOverlap;
  domainScore: number;
  evidence: EvidenceBySignal;
  /** Combined score over the informative signals. */
  score: number;
  /** Combined score without the title signal. */
  contentScore: number;
  /** Σ weight·evidence over all four signals (weights sum to 1): absent evidence counts as none, for confidence. */
  absoluteScore: number;
  /** The same without the title signal. */
  absoluteContentScore: number;
}
