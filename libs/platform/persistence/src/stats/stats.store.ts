import type { DataSource } from 'typeorm';

import { PROPOSAL_KINDS, type ProposalKind } from '@jdpipe/contracts';

import { CatalogStore } from '../catalog/catalog.store';

export interface RunsOnDay {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  completed: number;
  rejected: number;
  failed: number;
}

export interface RoleShare {
  roleSlug: string;
  roleName: string;
  runs: number;
}

export interface SkillShare {
  skillSlug: string;
  name: string;
  runs: number;
}

export interface PipelineStats {
  catalogVersion: number;
  /** One entry per UTC day of the window, oldest first; days without runs are there with zeros. */
  runsPerDay: RunsOnDay[];
  /** Completed runs of the window per chosen role, most runs first. */
  roleDistribution: RoleShare[];
  /** Catalog skills by the number of runs of the window that found them, most first. */
  topSkills: SkillShare[];
  /** The review queue as it is now, whatever the window. */
  proposalsPending: { total: number; byKind: Record<ProposalKind, number> };
  /** Rejected and failed runs of the window per error code, most first. */
  failures: { total: number; byCode: Array<{ code: string; count: number }> };
}

export interface StatsQuery {
  /** Window length in days, today included. */
  days: number;
  /** How many roles and skills the rankings keep. */
  top: number;
  /** The window's last day is the UTC day of this instant; default now. */
  now?: Date;
}

const DAY_MS = 86_400_000;

/** Aggregates for the dashboard, each one statement over the run and review tables. */
export class StatsStore {
  constructor(private readonly dataSource: DataSource) {}

  async stats(query: StatsQuery): Promise<PipelineStats> {
    const days = Math.max(1, Math.floor(query.days));
    const today = utcDay(query.now ?? new Date());
    const windowStart = new Date(today.getTime() - (days - 1) * DAY_MS);
    const windowEnd = new Date(today.getTime() + DAY_MS);
    const window = [windowStart.toISOString(), windowEnd.toISOString()];
    const top = Math.max(0, Math.floor(query.top));

    const [version, perDay, roles, skills, pending, failures] = await Promise.all([
      new CatalogStore(this.dataSource).latestVersion(),
      this.dataSource.query(
        `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, status, count(*) AS runs
         FROM runs WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz
         GROUP BY 1, 2`,
        window,
      ) as Promise<Array<{ day: string; status: string; runs: string | number }>>,
      this.dataSource.query(
        `SELECT r.role_slug, COALESCE(max(c.name), r.role_slug) AS role_name, count(*) AS runs
         FROM runs r LEFT JOIN roles c ON c.slug = r.role_slug
         WHERE r.status = 'completed' AND r.role_slug IS NOT NULL
           AND r.created_at >= $1::timestamptz AND r.created_at < $2::timestamptz
         GROUP BY r.role_slug ORDER BY runs DESC, r.role_slug LIMIT $3`,
        [...window, top],
      ) as Promise<Array<{ role_slug: string; role_name: string; runs: string | number }>>,
      this.dataSource.query(
        `SELECT k.skill_slug, COALESCE(max(s.name), max(k.name)) AS name, count(DISTINCT k.run_id) AS runs
         FROM run_skills k JOIN runs r ON r.run_id = k.run_id LEFT JOIN skills s ON s.slug = k.skill_slug
         WHERE k.status = 'in_catalog' AND r.created_at >= $1::timestamptz AND r.created_at < $2::timestamptz
         GROUP BY k.skill_slug ORDER BY runs DESC, k.skill_slug LIMIT $3`,
        [...window, top],
      ) as Promise<Array<{ skill_slug: string; name: string; runs: string | number }>>,
      this.dataSource.query(`SELECT kind, count(*) AS items FROM review_queue WHERE status = 'pending' GROUP BY kind`) as Promise<
        Array<{ kind: string; items: string | number }>
      >,
      this.dataSource.query(
        `SELECT COALESCE(rejection_code, 'UNKNOWN') AS code, count(*) AS runs FROM runs
         WHERE status IN ('rejected', 'failed') AND created_at >= $1::timestamptz AND created_at < $2::timestamptz
         GROUP BY 1 ORDER BY runs DESC, code`,
        window,
      ) as Promise<Array<{ code: string; runs: string | number }>>,
    ]);

    const runsPerDay = Array.from({ length: days }, (_, index): RunsOnDay => {
      const day = new Date(windowStart.getTime() + index * DAY_MS).toISOString().slice(0, 10);
      return { day, completed: 0, rejected: 0, failed: 0 };
    });
    const byDay = new Map(runsPerDay.map((entry) => [entry.day, entry]));
    for (const row of perDay) {
      const entry = byDay.get(row.day);
      if (entry && (row.status === 'completed' || row.status === 'rejected' || row.status === 'failed'))
        entry[row.status] = Number(row.runs);
    }

    const byKind = Object.fromEntries(PROPOSAL_KINDS.map((kind) => [kind, 0])) as Record<ProposalKind, number>;
    for (const row of pending) if (row.kind in byKind) byKind[row.kind as ProposalKind] = Number(row.items);
    const byCode = failures.map((row) => ({ code: row.code, count: Number(row.runs) }));

    return {
      catalogVersion: version ?? 0,
      runsPerDay,
      roleDistribution: roles.map((row) => ({ roleSlug: row.role_slug, roleName: row.role_name, runs: Number(row.runs) })),
      topSkills: skills.map((row) => ({ skillSlug: row.skill_slug, name: row.name, runs: Number(row.runs) })),
      proposalsPending: { total: Object.values(byKind).reduce((sum, count) => sum + count, 0), byKind },
      failures: { total: byCode.reduce((sum, entry) => sum + entry.count, 0), byCode },
    };
  }
}

/** Midnight UTC of the instant's day. */
function utcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}
