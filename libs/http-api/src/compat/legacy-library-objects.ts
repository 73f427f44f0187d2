import type { CandidateRoleSignal, RunDocument, RunSkill, SkillDimensionLink } from '@jdpipe/contracts';

import type { LegacyCanonicalSkill, LegacyChosenRole, LegacyDimension, LegacyRoleSignal, LegacySkillDimension } from './legacy-answers';
import type { RunCatalogFacts } from './run-catalog-facts';

/**
 * Library objects (roles, skills, dimensions) in the old system's shapes, shared by the three answers. Old
 * clients read ids and strings without null checks, so an unknown id is 0 and an unknown text is ''.
 */

/** The old system's `matched_via`: its canonical names were aliases too, so every dictionary match is `alias`. */
export function legacyMatchedVia(skill: RunSkill): string {
  return ['canonical', 'alias', 'abbreviation'].includes(skill.matchedVia) ? 'alias' : skill.matchedVia;
}

export function chosenRoleOf(run: RunDocument, facts: RunCatalogFacts): LegacyChosenRole | null {
  if (!run.role) return null;
  const library = facts.roles.get(run.role.slug);
  return {
    display_name: run.role.displayName,
    id: library?.id ?? 0,
    rationale: run.role.reasoning,
    role_archetype: library?.description ?? '',
    slug: run.role.slug,
    source: run.role.isNew ? 'new' : 'db',
  };
}

/** The runners-up, in the chosen role's shape; their rationale is the decision's, so it stays null. */
export function candidateRolesOf(run: RunDocument, facts: RunCatalogFacts): LegacyChosenRole[] {
  return run.runnersUp.map((role) => {
    const library = facts.roles.get(role.slug);
    return {
      display_name: role.displayName,
      id: library?.id ?? 0,
      rationale: null,
      role_archetype: library?.description ?? '',
      slug: role.slug,
      source: 'db',
    };
  });
}

/** A candidate role's signals; its matched core skills by name, as the run names them. */
export function roleSignalOf(run: RunDocument, candidate: CandidateRoleSignal, score: number, facts: RunCatalogFacts): LegacyRoleSignal {
  const skillNames = new Map(run.skills.map((skill) => [skill.slug, skill.name]));
  return {
    display_name: candidate.displayName,
    kra_matches: [...candidate.kraMatches]
      .sort((a, b) => b.similarity - a.similarity)
      .map((match) => ({ kra_text: match.kraText, sentence: match.sentence, similarity: match.similarity })),
    matched_count: candidate.skillOverlap.matched.length,
    matched_skills: candidate.skillOverlap.matched.map((slug) => skillNames.get(slug) ?? slug),
    role_id: facts.roles.get(candidate.slug)?.id ?? 0,
    score,
    slug: candidate.slug,
    total_count: candidate.skillOverlap.coreCount,
  };
}

export function dimensionOf(link: SkillDimensionLink, facts: RunCatalogFacts): LegacyDimension {
  const library = facts.dimensions.get(link.slug);
  return {
    // jdpipe does not grade dimensions by difficulty.
    difficulty_hint: '',
    display_name: link.displayName,
    id: library?.id ?? 0,
    rationale: library?.description ?? '',
    slug: link.slug,
    source: 'db',
  };
}

export function skillDimensionsOf(skill: RunSkill, facts: RunCatalogFacts): LegacySkillDimension[] {
  return skill.dimensions.map((link) => ({
    dimension: dimensionOf(link, facts),
    input_skill: skill.name,
    llm_role: null,
    roles_from_db: facts.dimensions.get(link.slug)?.roleSlugs ?? [],
  }));
}

/** The library profile of a skill the run found in the catalog; null for a proposed skill. */
export function canonicalOf(skill: RunSkill, facts: RunCatalogFacts): LegacyCanonicalSkill | null {
  if (skill.status !== 'in_catalog') return null;
  const library = facts.skills.get(skill.slug);
  return {
    category_id: library?.categoryId ?? 0,
    display_name: skill.name,
    id: library?.id ?? 0,
    is_also_category: library?.isAlsoCategory ?? false,
    // Every catalog skill is matched in postings.
    is_extractable: true,
    skill_nature: skill.nature ?? '',
    slug: skill.slug,
    // jdpipe keeps sub-categories as text, without ids.
    sub_category_id: 0,
    typical_lifespan: library?.lifespan ?? '',
    volatility: library?.volatility ?? '',
  };
}

/** The chosen role's own signals, if the signal stage scored it. */
export function chosenCandidateOf(run: RunDocument): CandidateRoleSignal | null {
  return run.signals?.candidates.find((candidate) => candidate.slug === run.role?.slug) ?? null;
}
