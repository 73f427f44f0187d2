import type { DataSource } from 'typeorm';

import type { Proposal, RunDocument } from '@jdpipe/contracts';
import { normaliseProposalValue } from '@jdpipe/persistence';

import {
  noCatalogFacts,
  slugsOfRun,
  type DimensionFacts,
  type QueueEntryFacts,
  type RoleFacts,
  type RunCatalogFacts,
  type SkillFacts,
} from './run-catalog-facts';

interface SkillRow {
  id: number;
  slug: string;
  category_id: number | null;
  sub_category: string | null;
  volatility: string;
  lifespan: string;
  version_strategy: string;
  is_also_category: boolean;
}

interface AliasRow {
  id: number;
  slug: string;
  text: string;
  alias_type: string;
  match_strategy: string;
}

interface QueueRow {
  id: number;
  kind: string;
  normalised_value: string;
  target: string | null;
  status: string;
}

/** Reads the library facts the old system's answers show for one run, in a fixed number of queries. */
export class RunCatalogFactsStore {
  constructor(private readonly dataSource: DataSource) {}

  async factsFor(run: RunDocument): Promise<RunCatalogFacts> {
    const slugs = slugsOfRun(run);
    if (slugs.skills.length + slugs.roles.length + slugs.domains.length + run.proposals.length === 0) return noCatalogFacts(run);
    const db = this.dataSource.manager;
    const [skillRows, aliasRows, dimensionRows, roleRows, domainRows, queueRows, centroidRows] = await Promise.all([
      db.query(
        `SELECT s.id, s.slug, c.id AS category_id, s.sub_category, s.volatility, s.lifespan, s.version_strategy,
                EXISTS (SELECT 1 FROM skill_categories k WHERE lower(k.name) = lower(s.name)) AS is_also_category
         FROM skills s LEFT JOIN skill_categories c ON c.name = s.category
         WHERE s.slug = ANY($1::text[])`,
        [slugs.skills],
      ) as Promise<SkillRow[]>,
      db.query(
        `SELECT a.id, s.slug, a.text, a.alias_type, a.match_strategy
         FROM skill_aliases a JOIN skills s ON s.id = a.skill_id
         WHERE s.slug = ANY($1::text[]) ORDER BY a.skill_id, a.position, a.id`,
        [slugs.skills],
      ) as Promise<AliasRow[]>,
      db.query(
        `SELECT d.id, d.slug, d.description,
                COALESCE(array_agg(r.slug ORDER BY r.slug) FILTER (WHERE r.slug IS NOT NULL), '{}') AS role_slugs
         FROM dimensions d
         LEFT JOIN role_dimensions rd ON rd.dimension_id = d.id
         LEFT JOIN roles r ON r.id = rd.role_id AND r.retired_at IS NULL
         WHERE d.slug = ANY($1::text[]) GROUP BY d.id, d.slug, d.description`,
        [slugs.dimensions],
      ) as Promise<Array<{ id: number; slug: string; description: string; role_slugs: string[] }>>,
      db.query('SELECT id, slug, description FROM roles WHERE slug = ANY($1::text[])', [slugs.roles]) as Promise<
        Array<{ id: number; slug: string; description: string }>
      >,
      db.query('SELECT slug, name FROM domains WHERE slug = ANY($1::text[])', [slugs.domains]) as Promise<
        Array<{ slug: string; name: string }>
      >,
      db.query('SELECT id, kind, normalised_value, target, status FROM review_queue WHERE normalised_value = ANY($1::text[])', [
        run.proposals.map((proposal) => normaliseProposalValue(proposal.value)),
      ]) as Promise<QueueRow[]>,
      run.role
        ? (db.query('SELECT n, updated_at FROM role_centroids WHERE role_slug = $1', [run.role.slug]) as Promise<
            Array<{ n: number; updated_at: Date }>
          >)
        : Promise.resolve([]),
    ]);

    const skills = new Map<string, SkillFacts>(skillRows.map((row) => [row.slug, skillFactsOf(row)]));
    for (const alias of aliasRows) {
      skills.get(alias.slug)?.aliases.push({ id: alias.id, text: alias.text, type: alias.alias_type, match: alias.match_strategy });
    }
    const centroid = centroidRows[0];
    return {
      skills,
      dimensions: new Map<string, DimensionFacts>(
        dimensionRows.map((row) => [row.slug, { id: row.id, description: row.description, roleSlugs: row.role_slugs }]),
      ),
      roles: new Map<string, RoleFacts>(roleRows.map((row) => [row.slug, { id: row.id, description: row.description }])),
      domainNames: new Map(domainRows.map((row) => [row.slug, row.name])),
      proposalQueue: run.proposals.map((proposal) => queueEntryOf(proposal, queueRows)),
      centroid: centroid ? { n: centroid.n, updatedAt: new Date(centroid.updated_at).toISOString() } : null,
    };
  }
}

function skillFactsOf(row: SkillRow): SkillFacts {
  return {
    id: row.id,
    categoryId: row.category_id ?? 0,
    subCategory: row.sub_category,
    volatility: row.volatility,
    lifespan: row.lifespan,
    versionStrategy: row.version_strategy,
    isAlsoCategory: row.is_also_category,
    aliases: [],
  };
}

function queueEntryOf(proposal: Proposal, rows: QueueRow[]): QueueEntryFacts | null {
  const value = normaliseProposalValue(proposal.value);
  const row = rows.find(
    (candidate) => candidate.kind === proposal.kind && candidate.normalised_value === value && candidate.target === proposal.target,
  );
  return row ? { id: row.id, status: row.status } : null;
}
