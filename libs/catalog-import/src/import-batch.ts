import type { CatalogDomain, CatalogRole, CatalogSkill, TaxonomySource } from '@jdpipe/catalog';

/** A row that could not be read as it stands: reported with its file and line, never dropped silently. */
export interface ImportProblem {
  file: string;
  /** 1-based line where the record starts; 0 for a problem with the whole file. */
  line: number;
  message: string;
}

/**
 * A skill as the taxonomy defines it. `externalId` is the taxonomy's identity: the ESCO concept URI when the
 * files carry one, otherwise `esco-label:<preferred label, lower-cased, spaces collapsed>` (the label file has no
 * URIs, and a preferred label is unique within one ESCO release); for O*NET technology examples, which have
 * no id at all, `onet-tech:<example, lower-cased, spaces collapsed>`. `slug` is only a proposal: the merge
 * decides the final one.
 */
export interface ImportedSkill extends Omit<CatalogSkill, 'dimensions'> {
  externalId: string;
}

/** An occupation as a role; `code` is the ISCO-08 group (ESCO) or the O*NET-SOC code. */
export interface ImportedRole extends Omit<CatalogRole, 'coreSkills' | 'dimensions'> {
  externalId: string;
  code: string;
}

/** `core` links become the role's core skills; `optional` ones are kept as plain role↔skill links. */
export interface RoleSkillLink {
  roleExternalId: string;
  skillExternalId: string;
  relation: 'core' | 'optional';
}

/** Why aliases were left out: too short, numeric, or too generic to point at one skill or role. */
export interface DroppedAliasCounts {
  short: number;
  numeric: number;
  generic: number;
}

/** Everything one taxonomy release contributes, in catalog shapes, before it is merged with the catalog. */
export interface ImportBatch {
  source: TaxonomySource;
  release: string;
  skills: ImportedSkill[];
  roles: ImportedRole[];
  roleSkillLinks: RoleSkillLink[];
  /** Domains the roles point at; created only when the catalog does not have them yet. */
  domains: CatalogDomain[];
  problems: ImportProblem[];
  droppedAliases: DroppedAliasCounts;
}

/** Reading progress, for a progress line: rows read so far in the file being read. */
export type ReadProgress = (file: string, rowsRead: number) => void;
