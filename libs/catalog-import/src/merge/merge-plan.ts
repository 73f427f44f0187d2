import { createHash } from 'node:crypto';

import { aliasKey, type SkillAlias } from '@jdpipe/catalog';

import type { ImportBatch, ImportedRole, ImportedSkill, RoleSkillLink } from '../import-batch';

export type EntryKind = 'skill' | 'role';

/** A skill or role already in the catalog that does not belong to the importing source. */
export interface ExistingCatalogEntry {
  id: number;
  slug: string;
  name: string;
  /** Alias keys of its name and of the aliases other sources gave it. */
  aliasKeys: string[];
}

/** What an earlier import of the same source recorded for one external id. */
export interface PreviousImport {
  kind: EntryKind;
  externalId: string;
  targetId: number;
  targetSlug: string;
  /** True when the entry only added aliases to a catalog row it does not own. */
  merged: boolean;
  contentHash: string;
  retired: boolean;
}

export interface MergeContext {
  skills: ExistingCatalogEntry[];
  roles: ExistingCatalogEntry[];
  /** Earlier imports of this source whose catalog row still exists. */
  previous: PreviousImport[];
  /** Every slug in use, whatever its source (the importing source's own rows included). */
  takenSkillSlugs: Set<string>;
  takenRoleSlugs: Set<string>;
}

export type EntryStatus = 'added' | 'changed' | 'unchanged';

export interface MergeTarget {
  /** Null for a row the import creates. */
  id: number | null;
  slug: string;
  /** True when the entry merges into a row owned by the authored catalog or by another source. */
  merged: boolean;
}

export interface PlannedEntry<T> {
  entry: T;
  contentHash: string;
  status: EntryStatus;
  target: MergeTarget;
}

export interface PlannedSkill extends PlannedEntry<ImportedSkill> {
  /** The aliases to write: all of them for an owned row, only the new ones for a merged row. */
  aliases: SkillAlias[];
}

export interface PlannedRole extends PlannedEntry<ImportedRole> {
  aliases: string[];
  links: RoleSkillLink[];
}

export interface MergePlan {
  skills: PlannedSkill[];
  roles: PlannedRole[];
  /** Earlier entries the release no longer has: retired, never deleted. */
  retired: PreviousImport[];
  /** Aliases left out because another catalog entry already answers to them. */
  collidingAliasesSkipped: number;
}

/**
 * Decides, for every entry of a batch, which catalog row it becomes. An entry imported before keeps its row.
 * A new one merges into an existing entry of the authored catalog (or of another source) when their alias
 * keys meet — name = name first, then name = alias, then alias = name — and exactly one unclaimed entry
 * matches; when several entries of the release meet the same existing entry in one pass, the one sharing
 * the most names with it merges and the others stay apart; otherwise it becomes a row of its own under its plain slug, or `<source>-<slug>` when that is
 * taken. Aliases that another entry already answers to are left out, so an import never makes the
 * authored catalog ambiguous. The plan depends only on the batch and on rows of other sources, so
 * importing the same release twice plans the same rows.
 */
export function planMerge(batch: ImportBatch, context: MergeContext): MergePlan {
  const linksByRole = groupLinks(batch.roleSkillLinks);
  const skillMerger = new Merger('skill', batch.source, context.skills, context.previous, context.takenSkillSlugs);
  const roleMerger = new Merger('role', batch.source, context.roles, context.previous, context.takenRoleSlugs);

  const skillTargets = skillMerger.assign(
    batch.skills,
    (skill) => [skill.name],
    (skill) => skill.aliases.map((alias) => alias.text),
  );
  const roleTargets = roleMerger.assign(
    batch.roles,
    (role) => [role.name],
    (role) => role.aliases,
  );

  const skills = batch.skills.map((skill, index): PlannedSkill => {
    const target = skillTargets[index];
    const contentHash = hashOf(skill);
    const aliases = skillMerger.writableAliases(
      target,
      skill.aliases.map((alias) => alias.text),
    );
    const byText = new Map(skill.aliases.map((alias) => [alias.text, alias]));
    return {
      entry: skill,
      contentHash,
      status: skillMerger.status(skill.externalId, contentHash),
      target,
      aliases: aliases.map((text): SkillAlias => {
        const alias = byText.get(text);
        // On a merged row the imported name is one more synonym, never a second canonical name.
        return alias && !(target.merged && alias.type === 'canonical')
          ? alias
          : { text, type: 'synonym', match: alias?.match ?? 'case_insensitive', context: [] };
      }),
    };
  });
  const roles = batch.roles.map((role, index): PlannedRole => {
    const target = roleTargets[index];
    const links = linksByRole.get(role.externalId) ?? [];
    const contentHash = hashOf({ role, links });
    // A merged role also learns the imported name as a title.
    const titles = target.merged ? [role.name, ...role.aliases] : role.aliases;
    return {
      entry: role,
      contentHash,
      status: roleMerger.status(role.externalId, contentHash),
      target,
      aliases: roleMerger.writableAliases(target, titles),
      links,
    };
  });

  const present = new Set([...batch.skills, ...batch.roles].map((entry) => entry.externalId));
  return {
    skills,
    roles,
    retired: context.previous.filter((previous) => !previous.retired && !present.has(previous.externalId)),
    collidingAliasesSkipped: skillMerger.collisions + roleMerger.collisions,
  };
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}

function groupLinks(links: RoleSkillLink[]): Map<string, RoleSkillLink[]> {
  const byRole = new Map<string, RoleSkillLink[]>();
  for (const link of links) {
    const list = byRole.get(link.roleExternalId);
    if (list) list.push(link);
    else byRole.set(link.roleExternalId, [link]);
  }
  return byRole;
}

/** Target assignment and alias filtering for one kind of entry. */
class Merger {
  collisions = 0;
  private readonly previousById: Map<string, PreviousImport>;
  private readonly byNameKey = new Map<string, ExistingCatalogEntry[]>();
  private readonly byAliasKey = new Map<string, ExistingCatalogEntry[]>();
  private readonly keysOf = new Map<number, Set<string>>();
  private readonly claimed = new Set<number>();
  private readonly slugOf = new Map<number, string>();
  /** Alias keys this plan already gives to an existing entry, and to which one. */
  private readonly plannedForExisting = new Map<string, number>();

  constructor(
    kind: EntryKind,
    private readonly source: string,
    existing: ExistingCatalogEntry[],
    previous: PreviousImport[],
    private readonly takenSlugs: Set<string>,
  ) {
    this.previousById = new Map(previous.filter((entry) => entry.kind === kind).map((entry) => [entry.externalId, entry]));
    for (const entry of existing) {
      const nameKey = aliasKey(entry.name);
      this.slugOf.set(entry.id, entry.slug);
      push(this.byNameKey, nameKey, entry);
      const keys = new Set([nameKey, ...entry.aliasKeys]);
      this.keysOf.set(entry.id, keys);
      for (const key of keys) if (key !== nameKey) push(this.byAliasKey, key, entry);
    }
  }

  assign<T extends { externalId: string; slug: string }>(
    entries: T[],
    names: (entry: T) => string[],
    aliases: (entry: T) => string[],
  ): MergeTarget[] {
    const targets: Array<MergeTarget | undefined> = entries.map((entry) => {
      const previous = this.previousById.get(entry.externalId);
      if (!previous) return undefined;
      if (previous.merged) this.claimed.add(previous.targetId);
      return { id: previous.targetId, slug: previous.targetSlug, merged: previous.merged };
    });
    const nameKeys = entries.map((entry) => names(entry).map(aliasKey));
    const aliasKeys = entries.map((entry) => aliases(entry).map(aliasKey));
    const passes: Array<[keysOf: string[][], index: Map<string, ExistingCatalogEntry[]>]> = [
      [nameKeys, this.byNameKey],
      [nameKeys, this.byAliasKey],
      [aliasKeys, this.byNameKey],
    ];
    const undecided = new Set(entries.map((_, index) => index).filter((index) => !targets[index]));
    for (const [keysOf, index] of passes) {
      // Entries of this release competing for one existing entry: the one sharing the most names with it wins
      // ("software developer" over "blockchain developer" for an authored Software Engineer listing both).
      const contenders = new Map<number, number[]>();
      for (const position of [...undecided]) {
        const candidates = new Map<number, ExistingCatalogEntry>();
        for (const key of keysOf[position]) for (const entry of index.get(key) ?? []) candidates.set(entry.id, entry);
        if (candidates.size === 0) continue;
        undecided.delete(position);
        const [only] = candidates.values();
        // Ambiguous or already taken by an earlier pass: a row of its own is safer than a wrong merge.
        if (candidates.size === 1 && !this.claimed.has(only.id)) push(contenders, only.id, position);
      }
      for (const [id, positions] of contenders) {
        const shared = (position: number): number => {
          const own = this.keysOf.get(id)!;
          return new Set([...nameKeys[position], ...aliasKeys[position]].filter((key) => own.has(key))).size;
        };
        const winner = positions.reduce((best, position) => (shared(position) > shared(best) ? position : best));
        this.claimed.add(id);
        targets[winner] = { id, slug: this.slugOf.get(id)!, merged: true };
      }
    }
    return entries.map((entry, position) => targets[position] ?? { id: null, slug: this.freeSlug(entry.slug), merged: false });
  }

  status(externalId: string, contentHash: string): EntryStatus {
    const previous = this.previousById.get(externalId);
    if (!previous || previous.retired) return 'added';
    return previous.contentHash === contentHash ? 'unchanged' : 'changed';
  }

  /**
   * The aliases worth writing: not already on the target, not answering for another entry. Two entries of a
   * release that merge into two different existing entries often share a title ("jQuery Developer" is listed
   * by two O*NET occupations): the first in release order keeps it, so the merged catalog stays unambiguous.
   */
  writableAliases(target: MergeTarget, texts: string[]): string[] {
    const existingId = target.merged ? target.id : null;
    const own = existingId !== null ? (this.keysOf.get(existingId) ?? new Set<string>()) : new Set<string>();
    const written = new Set<string>();
    return texts.filter((text) => {
      const key = aliasKey(text);
      if (own.has(key) || written.has(key)) return false;
      written.add(key);
      const elsewhere = (this.byNameKey.get(key) ?? []).concat(this.byAliasKey.get(key) ?? []);
      const plannedFor = this.plannedForExisting.get(key);
      if (
        elsewhere.some((entry) => entry.id !== target.id) ||
        (existingId !== null && plannedFor !== undefined && plannedFor !== existingId)
      ) {
        this.collisions += 1;
        return false;
      }
      if (existingId !== null) this.plannedForExisting.set(key, existingId);
      return true;
    });
  }

  private freeSlug(plain: string): string {
    const candidates = [plain, `${this.source}-${plain}`];
    let slug = candidates.find((candidate) => !this.takenSlugs.has(candidate));
    for (let n = 2; !slug; n++) if (!this.takenSlugs.has(`${this.source}-${plain}-${n}`)) slug = `${this.source}-${plain}-${n}`;
    this.takenSlugs.add(slug);
    return slug;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
