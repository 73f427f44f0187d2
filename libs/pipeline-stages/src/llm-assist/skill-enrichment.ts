import { type CatalogIndex, LIFESPANS, SKILL_NATURES, VERSION_STRATEGIES, VOLATILITIES } from '@jdpipe/catalog';
import type { SkillEnrichment } from '@jdpipe/contracts';

import type { AssistedEnrichment } from './posting-assist.schema';

const categoriesByCatalog = new WeakMap<CatalogIndex, string[]>();

/** The catalog's skill categories, sorted: the only categories an enrichment may name. */
export function catalogCategories(catalog: CatalogIndex): string[] {
  let categories = categoriesByCatalog.get(catalog);
  if (!categories) {
    categories = [...new Set(catalog.catalog.skills.map((skill) => skill.category))].sort();
    categoriesByCatalog.set(catalog, categories);
  }
  return categories;
}

/**
 * The enrichment of the proposed skill `skill` when every value comes from the catalog's own lists: the
 * category matched case-insensitively (and given its catalog spelling), the enums upper-cased, the
 * confidence within 0..1. Null otherwise: the caller drops and counts it.
 */
export function checkEnrichment(skill: string, answer: AssistedEnrichment, categories: readonly string[]): SkillEnrichment | null {
  const category = categories.find((candidate) => candidate.toLowerCase() === answer.category.trim().toLowerCase());
  const nature = listed(answer.nature, SKILL_NATURES);
  const volatility = listed(answer.volatility, VOLATILITIES);
  const lifespan = listed(answer.lifespan, LIFESPANS);
  const versionStrategy = listed(answer.versionStrategy, VERSION_STRATEGIES);
  const confidence = Number.isFinite(answer.confidence) && answer.confidence >= 0 && answer.confidence <= 1 ? answer.confidence : null;
  if (!category || !nature || !volatility || !lifespan || !versionStrategy || confidence === null) return null;
  return { skill, category, nature, volatility, lifespan, versionStrategy, confidence };
}

function listed(value: string, allowed: readonly string[]): string | null {
  const upper = value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  return allowed.includes(upper) ? upper : null;
}
