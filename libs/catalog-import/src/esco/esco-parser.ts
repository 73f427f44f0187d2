import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { aliasKey, type SkillAlias } from '@jdpipe/catalog';

import type { ImportBatch, ImportedRole, ImportedSkill, ImportProblem, ReadProgress } from '../import-batch';
import { AliasFilter, sumDropped } from '../naming/alias-filter';
import { normalisedLabel, slugify, titleCase } from '../naming/naming';
import { readCsvRows } from '../reading/delimited-records';
import { listCell, SourceDirectory } from '../reading/source-files';
import { escoSkillNature } from './esco-skill-nature';
import { authoredDomainForIsco } from './isco-domains';

export interface EscoReadOptions {
  /** Release label recorded with the import; read from the release notes in the folder when omitted. */
  release?: string;
  onProgress?: ReadProgress;
}

// Official tabiya export names first, then the names of the shared copies.
const FILES = {
  occupations: ['occupations.csv', 'tabiya_occupations.csv'],
  iscoGroups: ['isco_groups.csv', 'ISCOGroups.csv', 'tabiya_ISCOGroups.csv'],
  hierarchy: ['occupation_hierarchy.csv', 'occupations_hierarchy.csv', 'tabiya_occupations_hierarchy.csv'],
  skillGroups: ['skill_groups.csv', 'skillGroups.csv', 'tabiya_skillGroups.csv'],
  skills: ['skills.csv', 'skills_labels_altlabels_en.csv', 'skills_en.csv'],
};

const MAX_DESCRIPTION_KRAS = 8;

/**
 * Reads an ESCO download in the tabiya CSV layout: occupations (alt labels, ISCO code), ISCO groups and the
 * occupation hierarchy, skill groups, and skills (either tabiya `skills.csv` with URIs, or the three-column
 * label file `preferredLabel, altLabels, skillType`).
 */
export async function readEscoDirectory(dir: string, options: EscoReadOptions = {}): Promise<ImportBatch> {
  const files = new SourceDirectory(dir);
  const problems: ImportProblem[] = [];
  const progress = options.onProgress ?? (() => undefined);
  const required = (kind: keyof typeof FILES): string | null => {
    const path = files.find(...FILES[kind]);
    if (!path) problems.push({ file: FILES[kind][0], line: 0, message: `not found in ${dir}` });
    return path;
  };

  const iscoPath = files.find(...FILES.iscoGroups);
  const isco = iscoPath ? await readIscoGroups(iscoPath, problems, progress) : new Map<string, IscoGroup>();
  const hierarchyPath = files.find(...FILES.hierarchy);
  const parentIsco = hierarchyPath ? await readOccupationParents(hierarchyPath, isco, problems, progress) : new Map<string, string>();
  const groupsPath = files.find(...FILES.skillGroups);
  const skillGroups = groupsPath ? await readSkillGroups(groupsPath, problems, progress) : new SkillGroupIndex();

  const skillAliases = new AliasFilter('skill');
  const roleAliases = new AliasFilter('role');
  const skillsPath = required('skills');
  const skills = skillsPath ? await readSkills(skillsPath, skillGroups, skillAliases, problems, progress) : [];
  const occupationsPath = required('occupations');
  const domains = new Map<string, { slug: string; name: string; keywords: string[] }>();
  const roles = occupationsPath
    ? await readOccupations(occupationsPath, { isco, parentIsco, domains, aliases: roleAliases, problems, progress })
    : [];

  return {
    source: 'esco',
    release: options.release ?? detectRelease(files),
    skills,
    roles,
    // The shared ESCO copy has no occupation-to-skill relations file; links come from O*NET.
    roleSkillLinks: [],
    domains: [...domains.values()],
    problems,
    droppedAliases: sumDropped(skillAliases.dropped, roleAliases.dropped),
  };
}

function detectRelease(files: SourceDirectory): string {
  const notes = files.matching(/v\d+\.\d+(\.\d+)?.*readme/i) ?? files.matching(/readme.*v\d+\.\d+/i);
  const fromName = notes?.match(/v(\d+\.\d+(?:\.\d+)?)/i)?.[1];
  if (fromName) return fromName;
  const readme = files.find('README.md', 'TABIYA_README.md');
  const fromText = readme ? readFileSync(readme, 'utf8').match(/ESCO v\.?\s?(\d+\.\d+(?:\.\d+)?)/i)?.[1] : undefined;
  return fromText ?? 'unspecified';
}

interface IscoGroup {
  code: string;
  label: string;
}

async function readIscoGroups(path: string, problems: ImportProblem[], progress: ReadProgress): Promise<Map<string, IscoGroup>> {
  const byId = new Map<string, IscoGroup>();
  for await (const row of readCsvRows(path, {
    required: ['ID', 'CODE', 'PREFERREDLABEL'],
    problems,
    onRow: (n) => progress(basename(path), n),
  })) {
    const code = row.get('CODE').trim();
    if (!/^\d{1,4}$/.test(code)) {
      problems.push({ file: basename(path), line: row.line, message: `ISCO code "${code}" is not 1 to 4 digits: group skipped` });
      continue;
    }
    byId.set(row.get('ID').trim(), { code, label: row.get('PREFERREDLABEL').trim() });
  }
  return byId;
}

/** Occupation id → ISCO code of its parent group, for occupations whose own ISCO column is empty. */
async function readOccupationParents(
  path: string,
  isco: Map<string, IscoGroup>,
  problems: ImportProblem[],
  progress: ReadProgress,
): Promise<Map<string, string>> {
  const parents = new Map<string, string>();
  const required = ['PARENTOBJECTTYPE', 'PARENTID', 'CHILDID', 'CHILDOBJECTTYPE'];
  for await (const row of readCsvRows(path, { required, problems, onRow: (n) => progress(basename(path), n) })) {
    if (row.get('PARENTOBJECTTYPE').trim() !== 'iscogroup' || row.get('CHILDOBJECTTYPE').trim() === 'iscogroup') continue;
    const group = isco.get(row.get('PARENTID').trim());
    if (group) parents.set(row.get('CHILDID').trim(), group.code);
  }
  return parents;
}

interface SkillGroup {
  label: string;
  topLabel: string;
}

/** Skill groups by alias key of their labels; a skill whose label names a group takes its category from it. */
class SkillGroupIndex {
  private readonly byKey = new Map<string, SkillGroup>();

  add(keys: string[], group: SkillGroup): void {
    for (const key of keys) if (!this.byKey.has(key)) this.byKey.set(key, group);
  }

  find(labels: string[]): SkillGroup | null {
    for (const label of labels) {
      const group = this.byKey.get(aliasKey(label));
      if (group) return group;
    }
    return null;
  }
}

async function readSkillGroups(path: string, problems: ImportProblem[], progress: ReadProgress): Promise<SkillGroupIndex> {
  const rows: Array<{ code: string; label: string; altLabels: string[] }> = [];
  for await (const row of readCsvRows(path, { required: ['PREFERREDLABEL'], problems, onRow: (n) => progress(basename(path), n) })) {
    const label = row.get('PREFERREDLABEL').trim();
    if (!label) {
      problems.push({ file: basename(path), line: row.line, message: 'skill group without a label: skipped' });
      continue;
    }
    // ISCED-F fields carry no CODE; their URI ends in the field code (…/isced-f/0011).
    const code = row.get('CODE').trim() || (row.get('ORIGINURI').match(/isced-f\/(\d+)$/)?.[1] ?? '');
    rows.push({ code, label, altLabels: listCell(row.get('ALTLABELS')) });
  }
  const labelByCode = new Map(rows.map((row) => [row.code, row.label]));
  const index = new SkillGroupIndex();
  for (const row of rows) {
    const topCode = /^\d+$/.test(row.code) ? row.code.slice(0, 2) : row.code.split('.')[0];
    const topLabel = labelByCode.get(topCode) ?? row.label;
    index.add([row.label, ...row.altLabels].map(aliasKey), { label: row.label, topLabel });
  }
  return index;
}

async function readSkills(
  path: string,
  groups: SkillGroupIndex,
  aliasFilter: AliasFilter,
  problems: ImportProblem[],
  progress: ReadProgress,
): Promise<ImportedSkill[]> {
  const file = basename(path);
  const skills: ImportedSkill[] = [];
  const firstLine = new Map<string, number>();
  for await (const row of readCsvRows(path, { required: ['preferredLabel', 'altLabels'], problems, onRow: (n) => progress(file, n) })) {
    const name = row.get('preferredLabel').trim().replace(/\s+/g, ' ');
    if (!name) {
      problems.push({ file, line: row.line, message: 'skill without a preferred label: skipped' });
      continue;
    }
    const uri = row.get('ORIGINURI').trim();
    const externalId = uri || `esco-label:${normalisedLabel(name)}`;
    const seenAt = firstLine.get(externalId);
    if (seenAt !== undefined) {
      problems.push({ file, line: row.line, message: `skill "${name}" repeats line ${seenAt}: second one skipped` });
      continue;
    }
    firstLine.set(externalId, row.line);
    const skillType = row.get('skillType').trim();
    if (skillType && !['skill/competence', 'knowledge', 'language', 'attitude'].includes(skillType.toLowerCase())) {
      problems.push({ file, line: row.line, message: `unknown skillType "${skillType}": read as a skill` });
    }
    const altLabels = listCell(row.get('altLabels'));
    const nature = escoSkillNature(name, altLabels, skillType);
    const group = groups.find([name, ...altLabels]);
    const aliases: SkillAlias[] = [name, ...aliasFilter.keep(name, altLabels)].map((text, index) => ({
      text,
      type: index === 0 ? 'canonical' : 'synonym',
      // A two- or three-letter name ("R", "SAS") is only that skill when written in its own case.
      match: text.length <= 3 ? 'case_sensitive' : 'case_insensitive',
      context: [],
    }));
    skills.push({
      externalId,
      slug: slugify(name),
      name,
      category: group ? sentenceCase(group.topLabel) : fallbackCategory(nature, skillType),
      subCategory: group && group.label !== group.topLabel ? sentenceCase(group.label) : null,
      nature,
      volatility: nature === 'TOOL' ? 'MEDIUM' : 'LOW',
      lifespan: 'EVERGREEN',
      versionStrategy: nature === 'TOOL' || nature === 'LANGUAGE' ? 'VERSIONED' : 'NOT_APPLICABLE',
      aliases,
    });
  }
  return skills;
}

// Without the skill hierarchy most skills cannot be placed in a group; these keep them apart by kind.
function fallbackCategory(nature: string, skillType: string): string {
  if (nature === 'TOOL' || nature === 'LANGUAGE') return 'ESCO digital tools';
  if (skillType.toLowerCase() === 'knowledge') return 'ESCO knowledge';
  return 'ESCO skills and competences';
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface OccupationContext {
  isco: Map<string, IscoGroup>;
  parentIsco: Map<string, string>;
  domains: Map<string, { slug: string; name: string; keywords: string[] }>;
  aliases: AliasFilter;
  problems: ImportProblem[];
  progress: ReadProgress;
}

async function readOccupations(path: string, context: OccupationContext): Promise<ImportedRole[]> {
  const file = basename(path);
  const majorGroupLabels = new Map(
    [...context.isco.values()].filter((group) => group.code.length === 1).map((group) => [group.code, group.label]),
  );
  const roles: ImportedRole[] = [];
  const firstLine = new Map<string, number>();
  const required = ['PREFERREDLABEL', 'ALTLABELS', 'ISCOGROUPCODE'];
  for await (const row of readCsvRows(path, { required, problems: context.problems, onRow: (n) => context.progress(file, n) })) {
    const label = row.get('PREFERREDLABEL').trim().replace(/\s+/g, ' ');
    if (!label) {
      context.problems.push({ file, line: row.line, message: 'occupation without a preferred label: skipped' });
      continue;
    }
    const iscoCode = row.get('ISCOGROUPCODE').trim() || context.parentIsco.get(row.get('ID').trim()) || '';
    if (!/^\d{4}$/.test(iscoCode)) {
      context.problems.push({ file, line: row.line, message: `occupation "${label}" has no 4-digit ISCO code ("${iscoCode}"): skipped` });
      continue;
    }
    const externalId = row.get('ORIGINURI').trim() || `esco-occupation:${row.get('CODE').trim() || normalisedLabel(label)}`;
    const seenAt = firstLine.get(externalId);
    if (seenAt !== undefined) {
      context.problems.push({ file, line: row.line, message: `occupation ${externalId} repeats line ${seenAt}: second one skipped` });
      continue;
    }
    firstLine.set(externalId, row.line);
    const name = titleCase(label);
    const description = row.get('DESCRIPTION').trim() || row.get('DEFINITION').trim();
    roles.push({
      externalId,
      code: iscoCode,
      slug: slugify(name),
      name,
      domain: domainFor(iscoCode, majorGroupLabels, context.domains),
      description,
      aliases: context.aliases.keep(name, listCell(row.get('ALTLABELS'))),
      kras: krasFromDescription(label, description),
    });
  }
  return roles;
}

function domainFor(
  iscoCode: string,
  majorGroupLabels: Map<string, string>,
  domains: Map<string, { slug: string; name: string; keywords: string[] }>,
): string {
  const authored = authoredDomainForIsco(iscoCode);
  const majorLabel = majorGroupLabels.get(iscoCode[0]) ?? `ISCO major group ${iscoCode[0]}`;
  const slug = authored ?? `imported-${slugify(majorLabel)}`;
  // An authored slug is declared too, named after itself, in case the catalog lacks it.
  if (!domains.has(slug)) domains.set(slug, { slug, name: authored ? titleCase(authored.replace(/-/g, ' ')) : majorLabel, keywords: [] });
  return slug;
}

/**
 * ESCO has no task list, so the description stands in for KRAs: one per sentence, phrased like a bullet
 * ("They coordinate the crew." → "Coordinate the crew."; "Riggers install …" → "Install …").
 */
export function krasFromDescription(label: string, description: string): string[] {
  const sentences = description
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.split(/\s+/).length >= 4);
  const subjects = pluralForms(label.toLowerCase());
  const kras = sentences.map((sentence) => {
    const lower = sentence.toLowerCase();
    const subject = ['they ', ...subjects.map((form) => `${form} `)].find((prefix) => lower.startsWith(prefix));
    // "They are also responsible for …" → "Responsible for …".
    const rest = (subject ? sentence.slice(subject.length) : sentence).replace(/^(are|is)( also)? (?=responsible|in charge)/i, '');
    return rest.charAt(0).toUpperCase() + rest.slice(1);
  });
  return [...new Set(kras)].slice(0, MAX_DESCRIPTION_KRAS);
}

function pluralForms(label: string): string[] {
  const forms = [`${label}s`, `${label}es`, label];
  if (label.endsWith('y')) forms.unshift(`${label.slice(0, -1)}ies`);
  if (label.endsWith('man')) forms.unshift(`${label.slice(0, -3)}men`);
  return forms;
}
