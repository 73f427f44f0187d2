import { readFileSync } from 'node:fs';

import { aliasKey, type CatalogDomain } from '@jdpipe/catalog';

import type { ImportBatch, ImportedRole, ImportedSkill, ImportProblem, ReadProgress, RoleSkillLink } from '../import-batch';
import { AliasFilter, sumDropped } from '../naming/alias-filter';
import { normalisedLabel, slugify, titleCase } from '../naming/naming';
import { readTsvRows, type SourceRow } from '../reading/delimited-records';
import { SourceDirectory } from '../reading/source-files';
import { authoredDomainForSoc, socMajorGroupName } from './soc-domains';

export interface OnetReadOptions {
  /** Release label recorded with the import; read from `Read Me.txt` when omitted. */
  release?: string;
  onProgress?: ReadProgress;
}

const SOC_CODE = /^\d{2}-\d{4}\.\d{2}$/;
// Hot technologies first, then the others in file order, up to this many core skills a role.
const MAX_CORE_SKILLS = 20;
// With no hot technology at all, the first few examples still say what the role works with.
const CORE_SKILLS_WITHOUT_HOT = 8;

/**
 * Reads an O*NET text download (tab-separated): Occupation Data → roles; Alternate Titles and Sample of
 * Reported Titles → role aliases; Task Statements → KRAs (core tasks first); Technology Skills → TOOL skills
 * (category = commodity title) and role↔skill links, hot technologies as core skills.
 */
export async function readOnetDirectory(dir: string, options: OnetReadOptions = {}): Promise<ImportBatch> {
  const files = new SourceDirectory(dir);
  const problems: ImportProblem[] = [];
  const progress = options.onProgress ?? (() => undefined);
  const rows = async function* (name: string, required: string[], optional = false): AsyncGenerator<SourceRow> {
    const path = files.find(name);
    if (!path) {
      if (!optional) problems.push({ file: name, line: 0, message: `not found in ${dir}` });
      return;
    }
    yield* readTsvRows(path, { required, problems, onRow: (n) => progress(name, n) });
  };

  const occupations = new Map<string, OccupationDraft>();
  for await (const row of rows('Occupation Data.txt', ['O*NET-SOC Code', 'Title'])) {
    const code = row.get('O*NET-SOC Code').trim();
    const title = row.get('Title').trim();
    if (!SOC_CODE.test(code) || !title) {
      problems.push({ file: 'Occupation Data.txt', line: row.line, message: `bad code "${code}" or empty title: occupation skipped` });
      continue;
    }
    if (occupations.has(code)) {
      problems.push({ file: 'Occupation Data.txt', line: row.line, message: `occupation ${code} repeats: second one skipped` });
      continue;
    }
    occupations.set(code, {
      code,
      title,
      description: row.get('Description').trim(),
      titles: [],
      coreTasks: [],
      otherTasks: [],
      tools: [],
    });
  }
  const occupationOf = (file: string, row: SourceRow): OccupationDraft | null => {
    const code = row.get('O*NET-SOC Code').trim();
    const occupation = occupations.get(code);
    if (!occupation) problems.push({ file, line: row.line, message: `unknown O*NET-SOC code "${code}": row skipped` });
    return occupation ?? null;
  };

  for await (const row of rows('Alternate Titles.txt', ['O*NET-SOC Code', 'Alternate Title'], true)) {
    const occupation = occupationOf('Alternate Titles.txt', row);
    if (!occupation) continue;
    occupation.titles.push(...withoutAbbreviation(row.get('Alternate Title')));
    const short = row.get('Short Title').trim();
    if (short && short.toLowerCase() !== 'n/a') occupation.titles.push(short);
  }
  for await (const row of rows('Sample of Reported Titles.txt', ['O*NET-SOC Code', 'Reported Job Title'], true)) {
    occupationOf('Sample of Reported Titles.txt', row)?.titles.push(...withoutAbbreviation(row.get('Reported Job Title')));
  }
  for await (const row of rows('Task Statements.txt', ['O*NET-SOC Code', 'Task'])) {
    const occupation = occupationOf('Task Statements.txt', row);
    const task = row.get('Task').trim();
    if (!occupation) continue;
    if (!task) {
      problems.push({ file: 'Task Statements.txt', line: row.line, message: 'empty task: row skipped' });
      continue;
    }
    (row.get('Task Type').trim().toLowerCase() === 'supplemental' ? occupation.otherTasks : occupation.coreTasks).push(task);
  }

  const skills = new Map<string, ImportedSkill>();
  const skillIdByKey = new Map<string, string>();
  const skillAliases = new AliasFilter('skill');
  for await (const row of rows('Technology Skills.txt', ['O*NET-SOC Code', 'Example', 'Commodity Title', 'Hot Technology'])) {
    const occupation = occupationOf('Technology Skills.txt', row);
    const example = row.get('Example').trim().replace(/\s+/g, ' ');
    if (!occupation) continue;
    const hot = row.get('Hot Technology').trim().toUpperCase();
    if (!example || !['Y', 'N'].includes(hot)) {
      problems.push({
        file: 'Technology Skills.txt',
        line: row.line,
        message: `empty example or Hot Technology "${hot}" is not Y/N: row skipped`,
      });
      continue;
    }
    const key = aliasKey(example);
    let externalId = skillIdByKey.get(key);
    if (!externalId) {
      externalId = `onet-tech:${normalisedLabel(example)}`;
      skillIdByKey.set(key, externalId);
      skills.set(externalId, toolSkill(externalId, example, row.get('Commodity Title').trim(), skillAliases));
    }
    occupation.tools.push({ externalId, hot: hot === 'Y' });
  }

  const roleAliases = new AliasFilter('role');
  const domains = new Map<string, CatalogDomain>();
  const roles: ImportedRole[] = [];
  const links: RoleSkillLink[] = [];
  for (const occupation of occupations.values()) {
    roles.push(toRole(occupation, roleAliases, domains));
    links.push(...roleLinks(occupation));
  }
  return {
    source: 'onet',
    release: options.release ?? detectRelease(files),
    skills: [...skills.values()],
    roles,
    roleSkillLinks: links,
    domains: [...domains.values()],
    problems,
    droppedAliases: sumDropped(skillAliases.dropped, roleAliases.dropped),
  };
}

interface OccupationDraft {
  code: string;
  title: string;
  description: string;
  titles: string[];
  coreTasks: string[];
  otherTasks: string[];
  tools: Array<{ externalId: string; hot: boolean }>;
}

/** "Chief Executive Officer (CEO)" is posted as "Chief Executive Officer": both are kept. */
function withoutAbbreviation(title: string): string[] {
  const bare = title.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return bare && bare !== title.trim() ? [title, bare] : [title];
}

function detectRelease(files: SourceDirectory): string {
  const readme = files.find('Read Me.txt');
  const version = readme ? readFileSync(readme, 'utf8').match(/O\*NET\s+(\d+\.\d+)\s+Database/)?.[1] : undefined;
  return version ?? 'unspecified';
}

function toolSkill(externalId: string, example: string, commodityTitle: string, aliasFilter: AliasFilter): ImportedSkill {
  return {
    externalId,
    slug: slugify(example),
    name: example,
    category: commodityTitle ? titleCase(commodityTitle) : 'Technology (O*NET)',
    subCategory: null,
    nature: 'TOOL',
    volatility: 'MEDIUM',
    lifespan: 'MULTI_YEAR',
    versionStrategy: 'VERSIONED',
    aliases: [example, ...aliasFilter.keep(example, withoutVendorPrefix(example))].map((text, index) => ({
      text,
      type: index === 0 ? 'canonical' : 'synonym',
      // A two- or three-letter name ("R", "SAS") is only that skill when written in its own case.
      match: text.length <= 3 ? 'case_sensitive' : 'case_insensitive',
      context: [],
    })),
  };
}

/**
 * O*NET 27 prefixes many products with the vendor, sometimes twice ("Adobe Systems Adobe Acrobat"): the
 * name from the repeated vendor word on is how postings write it.
 */
function withoutVendorPrefix(example: string): string[] {
  const words = example.split(' ');
  const repeat = words.findIndex((word, index) => index > 0 && word.length > 2 && word === words[0]);
  return repeat > 0 && repeat < words.length - 1 ? [words.slice(repeat).join(' ')] : [];
}

function toRole(occupation: OccupationDraft, aliasFilter: AliasFilter, domains: Map<string, CatalogDomain>): ImportedRole {
  const authored = authoredDomainForSoc(occupation.code);
  const domain = authored ?? `imported-${slugify(socMajorGroupName(occupation.code))}`;
  if (!domains.has(domain)) {
    domains.set(domain, {
      slug: domain,
      name: authored ? titleCase(authored.replace(/-/g, ' ')) : socMajorGroupName(occupation.code),
      keywords: [],
    });
  }
  return {
    externalId: occupation.code,
    code: occupation.code,
    slug: slugify(occupation.title),
    name: occupation.title,
    domain,
    description: occupation.description,
    aliases: aliasFilter.keep(occupation.title, occupation.titles),
    kras: [...new Set([...occupation.coreTasks, ...occupation.otherTasks])],
  };
}

function roleLinks(occupation: OccupationDraft): RoleSkillLink[] {
  const seen = new Set<string>();
  const unique = occupation.tools.filter((tool) => !seen.has(tool.externalId) && seen.add(tool.externalId));
  const hot = unique.filter((tool) => tool.hot);
  const ordered = [...hot, ...unique.filter((tool) => !tool.hot)];
  const coreCount = hot.length > 0 ? Math.min(hot.length, MAX_CORE_SKILLS) : Math.min(unique.length, CORE_SKILLS_WITHOUT_HOT);
  return ordered.map((tool, index) => ({
    roleExternalId: occupation.code,
    skillExternalId: tool.externalId,
    relation: index < coreCount ? 'core' : 'optional',
  }));
}
