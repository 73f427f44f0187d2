import { IsArray, IsObject, IsOptional, IsString } from 'class-validator';

import type { Proposal, RoleChoice, RoleSignals, RunnerUpRole } from '../run-document/run-document';
import { JobParsedV1 } from '../job-parsed/job-parsed.v1.event';

/** `roles.decided.v1`: the role decision with all its signals; also what analytics consume. */
export class RoleDecidedV1 extends JobParsedV1 {
  /** Null for rejected postings. */
  @IsOptional()
  @IsObject()
  role!: RoleChoice | null;

  @IsArray()
  runnersUp!: RunnerUpRole[];

  @IsOptional()
  @IsObject()
  signals!: RoleSignals | null;

  /** The posting's responsibilities as a fixed-length vector, for the chosen role's centroid. */
  @IsOptional()
  @IsArray()
  kraVector?: number[];

  /**
   * The embedding model `kraVector` comes from (the mean of the responsibility sentence embeddings); absent for
   * the hashed TF-IDF vector. Centroids never mix vectors of two models.
   */
  @IsOptional()
  @IsString()
  kraVectorModel?: string;

  /** New roles and KRAs the decision wants reviewed. */
  @IsArray()
  roleProposals!: Proposal[];
}
