import type { Catalog } from '../model/catalog';
import { aliasKey } from './alias-key';

export type CatalogFindingSeverity = 'error' | 'warning';

export interface CatalogFinding {
  severity: CatalogFindingSeverity;
  /** Stable code, e.g. CATALOG.DUPLICATE_ALIAS. */
  code: string;
  message: string;
}

const MIN_KRAS_PER_ROLE = 5;

/** Imported entries named in a gap warning; the count says how many there are. */
const IMPORTED_GAP_EXAMPLES = 3;
const IMPORTED_GAP_TEXT: Record<string, string> = {
  'CATALOG.IMPORTED_FEW_KRAS': `imported roles have fewer than ${MIN_KRAS_PER_ROLE} KRAs; they match by title and skills`,
  'CATALOG.IMPORTED_NO_CORE_SKILLS': 'imported roles have no core skills',
  'CATALOG.IMPORTED_SHARED_ALIAS': 'aliases are shared by skills of which one is imported; they are read as ambiguous',
  'CATALOG.IMPORTED_SHARED_ROLE_TITLE': 'titles are shared by roles of which one is imported',
};

/** Structural checks a catalog must pass before the pipeline may use it. */
export function checkCatalog(catalog: Catalog): CatalogFinding[] {
  const findings: CatalogFinding[] = [];
  const error = (code: string, message: string) => findings.push({ severity: 'error', code, message });
  const warning = (code: string, message: string) => findings.push({ severity: 'warning', code, message });

  const duplicates = (kind: string, slugs: string[]) => {
    const seen = new Set<string>();
    for (const slug of slugs) {
      if (seen.has(slug)) error('CATALOG.DUPLICATE_SLUG', `${kind} slug "${slug}" is defined more than once`);
      seen.add(slug);
    }
    return seen;
  };
  const skillSlugs = duplicates(
    'skill',
    catalog.skills.map((s) => s.slug),
  );
  duplicates(
    'role',
    catalog.roles.map((r) => r.slug),
  );
  const dimensionSlugs = duplicates(
    'dimension',
    catalog.dimensions.map((d) => d.slug),
  );
  const domainSlugs = duplicates(
    'domain',
    catalog.domains.map((d) => d.slug),
  );

  // Taxonomy data as published (occupations without tasks or skills, labels shared between entries) is not an
  // authoring mistake: such gaps in imported entries are counted per rule and reported once as a warning.
  const importedGaps = new Map<string, { count: number; examples: string[] }>();
  const importedGap = (code: string, example: string) => {
    const gap = importedGaps.get(code) ?? { count: 0, examples: [] };
    gap.count++;
    if (gap.examples.length < IMPORTED_GAP_EXAMPLES) gap.examples.push(example);
    importedGaps.set(code, gap);
  };
  const importedSkills = new Set(catalog.skills.filter((s) => s.importedFrom).map((s) => s.slug));
  const importedRoles = new Set(catalog.roles.filter((r) => r.importedFrom).map((r) => r.slug));

  const aliasOwner = new Map<string, string>();
  for (const skill of catalog.skills) {
    // Within one skill, case-sensitive forms that differ only in case ("Go", "GO") are distinct on purpose.
    const ownForms = new Set<string>();
    for (const alias of skill.aliases) {
      const key = aliasKey(alias.text);
      const form = alias.match === 'case_sensitive' ? `=${alias.text}` : key;
      if (!key) {
        error('CATALOG.EMPTY_ALIAS', `skill "${skill.slug}" has an empty alias`);
        continue;
      }
      const owner = aliasOwner.get(key);
      if (owner && owner !== skill.slug) {
        if (importedSkills.has(skill.slug) || importedSkills.has(owner)) importedGap('CATALOG.IMPORTED_SHARED_ALIAS', alias.text);
        else error('CATALOG.DUPLICATE_ALIAS', `alias "${alias.text}" of "${skill.slug}" is already an alias of "${owner}"`);
      } else if (ownForms.has(form)) {
        warning('CATALOG.REPEATED_ALIAS', `skill "${skill.slug}" lists alias "${alias.text}" twice`);
      }
      ownForms.add(form);
      aliasOwner.set(key, skill.slug);
    }
    for (const dimension of skill.dimensions) {
      if (!dimensionSlugs.has(dimension)) {
        error('CATALOG.DANGLING_DIMENSION', `skill "${skill.slug}" links unknown dimension "${dimension}"`);
      }
    }
  }

  const titleOwner = new Map<string, string>();
  const usedDimensions = new Set(catalog.skills.flatMap((s) => s.dimensions));
  for (const role of catalog.roles) {
    if (!domainSlugs.has(role.domain)) error('CATALOG.UNKNOWN_DOMAIN', `role "${role.slug}" has unknown domain "${role.domain}"`);
    if (role.kras.length < MIN_KRAS_PER_ROLE) {
      if (role.importedFrom) importedGap('CATALOG.IMPORTED_FEW_KRAS', role.slug);
      else error('CATALOG.TOO_FEW_KRAS', `role "${role.slug}" has ${role.kras.length} KRAs (needs ${MIN_KRAS_PER_ROLE})`);
    }
    if (role.coreSkills.length === 0) {
      if (role.importedFrom) importedGap('CATALOG.IMPORTED_NO_CORE_SKILLS', role.slug);
      else error('CATALOG.NO_CORE_SKILLS', `role "${role.slug}" has no core skills`);
    }
    for (const skill of role.coreSkills) {
      if (!skillSlugs.has(skill)) error('CATALOG.DANGLING_SKILL', `role "${role.slug}" lists unknown core skill "${skill}"`);
    }
    for (const dimension of role.dimensions) {
      if (!dimensionSlugs.has(dimension)) {
        error('CATALOG.DANGLING_DIMENSION', `role "${role.slug}" links unknown dimension "${dimension}"`);
      }
    }
    for (const title of [role.name, ...role.aliases]) {
      const key = aliasKey(title);
      const owner = titleOwner.get(key);
      if (owner && owner !== role.slug) {
        if (importedRoles.has(role.slug) || importedRoles.has(owner)) importedGap('CATALOG.IMPORTED_SHARED_ROLE_TITLE', title);
        else error('CATALOG.DUPLICATE_ROLE_ALIAS', `title "${title}" of "${role.slug}" is already a title of "${owner}"`);
      }
      titleOwner.set(key, role.slug);
    }
  }
  for (const [code, { count, examples }] of importedGaps) {
    warning(code, `${count} ${IMPORTED_GAP_TEXT[code]} (e.g. "${examples.join('", "')}")`);
  }
  for (const dimension of catalog.dimensions) {
    if (!usedDimensions.has(dimension.slug)) {
      error('CATALOG.EMPTY_DIMENSION', `dimension "${dimension.slug}" has no skills`);
    }
  }
  return findings;
}
