import { SKILL_NATURES, type SkillNature } from '@jdpipe/catalog';
import { slugOf } from '@jdpipe/skill-matching';

import type {
  NewSkill,
  ProposingRun,
  ReviewActionDetail,
  ReviewActionKind,
  ReviewActionRecord,
  ReviewCatalogReader,
  ReviewEffect,
  ReviewItem,
  ReviewListQuery,
  ReviewRepository,
  ReviewSession,
} from './review.ports';
import { describeSuggestion, suggestAction, type SuggestedAction } from './suggest-action';

export type ReviewErrorReason = 'not_found' | 'conflict' | 'invalid';

/** A refused review action, with a message a reviewer can act on. */
export class ReviewError extends Error {
  constructor(
    readonly reason: ReviewErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'ReviewError';
  }
}

/** Where an approved skill goes when the reviewer names no category: easy to find and re-file later. */
export const DEFAULT_REVIEW_CATEGORY = 'Uncategorised';
const DEFAULT_REVIEW_NATURE: SkillNature = 'TOOL';
/** Spellings this short are matched case-sensitively, so "Go"-like words do not fire on prose. */
const CASE_SENSITIVE_MAX_LENGTH = 3;

export interface ListedReviewItem extends ReviewItem {
  suggestion: SuggestedAction;
  suggestionText: string;
}

export interface ReviewItemDetails {
  item: ReviewItem;
  suggestion: SuggestedAction;
  suggestionText: string;
  runs: ProposingRun[];
  actions: ReviewActionRecord[];
}

export interface ApproveOptions {
  by: string;
  /** Edit-then-approve: the name (skill, role) or text (alias, KRA) to use instead of the proposed value. */
  as?: string;
  /** Skill category; for a role, its domain. */
  category?: string;
  nature?: string;
}

export interface ReviewActionOutcome {
  action: ReviewActionRecord;
  item: ReviewItem;
  /** The catalog version the action produced, or null when the catalog did not change. */
  catalogVersion: number | null;
}

export interface UndoOutcome {
  action: ReviewActionRecord;
  catalogVersion: number | null;
}

/**
 * The review loop: reviewers list, inspect and decide on proposals. Every decision is one transaction that
 * changes the item, the catalog and a new catalog version together and leaves an undoable history entry;
 * `onCatalogChanged` then lets the host reload its matchers, so the next run already sees the change.
 */
export class ReviewService {
  constructor(
    private readonly repository: ReviewRepository,
    private readonly catalog: ReviewCatalogReader,
    private readonly onCatalogChanged: (version: number) => Promise<void> = () => Promise.resolve(),
  ) {}

  async list(query: ReviewListQuery): Promise<ListedReviewItem[]> {
    const items = await this.repository.listItems(query);
    if (items.length === 0) return [];
    const catalog = await this.catalog.loadCatalog();
    // Near-duplicates are looked for among all pending items of the kind, not only the listed page.
    const pending = await this.repository.listItems({ kind: query.kind, status: 'pending', limit: 10_000 });
    return items.map((item) => {
      const suggestion = suggestAction(item, catalog, pending);
      return { ...item, suggestion, suggestionText: describeSuggestion(suggestion) };
    });
  }

  async show(id: number, runLimit = 20): Promise<ReviewItemDetails> {
    const item = await this.repository.findItem(id);
    if (!item) throw new ReviewError('not_found', `review item #${id} does not exist`);
    const catalog = await this.catalog.loadCatalog();
    const pending = await this.repository.listItems({ kind: item.kind, status: 'pending', limit: 10_000 });
    const suggestion = suggestAction(item, catalog, pending);
    return {
      item,
      suggestion,
      suggestionText: describeSuggestion(suggestion),
      runs: await this.repository.proposingRuns(id, runLimit),
      actions: await this.repository.actionsOf(id),
    };
  }

  async approve(id: number, options: ApproveOptions): Promise<ReviewActionOutcome> {
    const by = requireActor(options.by);
    const edits = editsOf(options);
    return this.act(id, 'approve', by, async (session, item) => {
      const effects = await applyApproval(session, item, options);
      const target = effects[0]?.type === 'skill_created' || effects[0]?.type === 'role_created' ? effects[0].slug : (item.target ?? '');
      return {
        status: 'approved',
        detail: { ...(Object.keys(edits).length > 0 ? { edits } : {}), effects },
        reason: `review: approve ${item.kind} ${options.as?.trim() || item.value}${item.kind === 'skill' ? '' : ` (${target})`} by ${by}`,
      };
    });
  }

  async reject(id: number, by: string): Promise<ReviewActionOutcome> {
    const actor = requireActor(by);
    return this.act(id, 'reject', actor, () => Promise.resolve({ status: 'rejected', detail: { effects: [] }, reason: null }));
  }

  /**
   * Merges a proposal into an existing skill (its value becomes an alias of that skill) or, with a numeric
   * target, into another pending item of the same kind (which takes over its occurrences).
   */
  async merge(id: number, into: string, by: string): Promise<ReviewActionOutcome> {
    const actor = requireActor(by);
    const target = into.trim().replace(/^#/, '');
    if (!target) throw new ReviewError('invalid', 'merge needs --into SKILL_SLUG or --into ITEM_ID');
    return this.act(id, 'merge', actor, async (session, item) => {
      if (/^\d+$/.test(target)) {
        const targetId = Number(target);
        if (targetId === item.id) throw new ReviewError('invalid', `item #${id} cannot be merged into itself`);
        const other = await session.lockItem(targetId);
        if (!other) throw new ReviewError('not_found', `review item #${targetId} does not exist`);
        if (other.status !== 'pending') throw new ReviewError('conflict', `review item #${targetId} is ${other.status}, not pending`);
        if (other.kind !== item.kind)
          throw new ReviewError('invalid', `#${id} is a ${item.kind} proposal and #${targetId} a ${other.kind} one`);
        await session.addOccurrences(targetId, item.occurrences);
        return {
          status: 'merged',
          detail: { into: `#${targetId}`, effects: [{ type: 'merged_into_item', targetItemId: targetId, occurrences: item.occurrences }] },
          reason: null,
        };
      }
      if (item.kind !== 'skill' && item.kind !== 'alias') {
        throw new ReviewError('invalid', `a ${item.kind} proposal can only be merged into another review item`);
      }
      if (!(await session.skillExists(target))) throw new ReviewError('not_found', `skill "${target}" is not in the catalog`);
      const added = await session.addSkillAlias(target, item.value.trim());
      const effects: ReviewEffect[] = added ? [{ type: 'skill_alias_added', skillSlug: target, text: item.value.trim() }] : [];
      return {
        status: 'merged',
        detail: { into: target, effects },
        reason: added ? `review: merge ${item.kind} ${item.value} into ${target} by ${actor}` : null,
      };
    });
  }

  /** Reverts an action: the catalog change it made (with a new catalog version) and the item's status. */
  async undo(actionId: number, by: string): Promise<UndoOutcome> {
    const actor = requireActor(by);
    const outcome = await this.repository.withinSession(async (session) => {
      const action = await session.lockAction(actionId);
      if (!action) throw new ReviewError('not_found', `review action ${actionId} does not exist`);
      if (action.undoneAt) throw new ReviewError('conflict', `review action ${actionId} was already undone by ${action.undoneBy}`);
      const item = await session.lockItem(action.queueId);
      if (!item) throw new ReviewError('not_found', `review item #${action.queueId} no longer exists`);
      const effects = action.detail.effects.map(checkedEffect);
      const dependant = await dependantAction(session, action.id, effects);
      if (dependant) {
        throw new ReviewError(
          'conflict',
          `action ${dependant.id} (${dependant.action} of item #${dependant.queueId}) builds on this one: undo it first`,
        );
      }
      let catalogChanged = false;
      // Effects are reverted in reverse order of application.
      for (const effect of [...effects].reverse()) {
        catalogChanged = (await revertEffect(session, effect)) || catalogChanged;
      }
      await session.setItemStatus(item.id, 'pending', null);
      const version = catalogChanged
        ? await session.bumpCatalogVersion(`review: undo ${action.action} ${item.kind} ${item.value} (action ${action.id}) by ${actor}`, {
            review: { undoneAction: action.id, itemId: item.id },
          })
        : null;
      await session.markActionUndone(action.id, actor, version);
      return {
        action: { ...action, undoneBy: actor, undoneAt: new Date().toISOString(), undoCatalogVersion: version },
        catalogVersion: version,
      };
    });
    if (outcome.catalogVersion !== null) await this.onCatalogChanged(outcome.catalogVersion);
    return outcome;
  }

  private async act(
    id: number,
    action: ReviewActionKind,
    by: string,
    decide: (
      session: ReviewSession,
      item: ReviewItem,
    ) => Promise<{ status: 'approved' | 'rejected' | 'merged'; detail: ReviewActionDetail; reason: string | null }>,
  ): Promise<ReviewActionOutcome> {
    const outcome = await this.repository.withinSession(async (session) => {
      const item = await session.lockItem(id);
      if (!item) throw new ReviewError('not_found', `review item #${id} does not exist`);
      if (item.status !== 'pending') {
        throw new ReviewError('conflict', `review item #${id} is already ${item.status}${item.decidedBy ? ` (by ${item.decidedBy})` : ''}`);
      }
      const decision = await decide(session, item);
      await session.setItemStatus(item.id, decision.status, by);
      const version =
        decision.reason === null
          ? null
          : await session.bumpCatalogVersion(decision.reason, { review: { action, itemId: item.id, effects: decision.detail.effects } });
      const record = await session.recordAction({ queueId: item.id, action, actor: by, detail: decision.detail, catalogVersion: version });
      return {
        action: record,
        item: { ...item, status: decision.status, decidedBy: by, decidedAt: record.createdAt },
        catalogVersion: version,
      };
    });
    if (outcome.catalogVersion !== null) await this.onCatalogChanged(outcome.catalogVersion);
    return outcome;
  }
}

function requireActor(by: string): string {
  const actor = by.trim();
  if (!actor) throw new ReviewError('invalid', 'every review action needs a reviewer name (--by NAME or $USER)');
  return actor;
}

function editsOf(options: ApproveOptions): NonNullable<ReviewActionDetail['edits']> {
  return {
    ...(options.as?.trim() ? { name: options.as.trim() } : {}),
    ...(options.category?.trim() ? { category: options.category.trim() } : {}),
    ...(options.nature?.trim() ? { nature: options.nature.trim().toUpperCase() } : {}),
  };
}

async function applyApproval(session: ReviewSession, item: ReviewItem, options: ApproveOptions): Promise<ReviewEffect[]> {
  const value = options.as?.trim() || item.value.trim();
  switch (item.kind) {
    case 'skill': {
      const skill = newSkillOf(item, value, options);
      if (await session.skillExists(skill.slug)) {
        throw new ReviewError('conflict', `skill "${skill.slug}" already exists: use \`review merge ${item.id} --into ${skill.slug}\``);
      }
      await session.createSkill(skill);
      return [{ type: 'skill_created', slug: skill.slug, name: skill.name }];
    }
    case 'alias': {
      const skillSlug = item.target;
      if (!skillSlug || !(await session.skillExists(skillSlug))) {
        throw new ReviewError('conflict', `the alias targets skill "${skillSlug ?? ''}", which is not in the catalog`);
      }
      const added = await session.addSkillAlias(skillSlug, value);
      return added ? [{ type: 'skill_alias_added', skillSlug, text: value }] : [];
    }
    case 'kra': {
      const roleSlug = item.target;
      if (!roleSlug || !(await session.roleExists(roleSlug))) {
        throw new ReviewError('conflict', `the KRA targets role "${roleSlug ?? ''}", which is not in the catalog`);
      }
      const added = await session.addRoleKra(roleSlug, value);
      return added ? [{ type: 'role_kra_added', roleSlug, text: value }] : [];
    }
    case 'role': {
      const slug = slugOf(value);
      if (!slug) throw new ReviewError('invalid', `"${value}" gives no usable role slug: pass --as "Name"`);
      if (await session.roleExists(slug)) throw new ReviewError('conflict', `role "${slug}" already exists`);
      const domain = options.category?.trim() || proposedDomain(item);
      if (!domain) throw new ReviewError('invalid', 'a new role needs a domain: pass --category DOMAIN_SLUG');
      if (!(await session.domainExists(domain))) throw new ReviewError('not_found', `domain "${domain}" is not in the catalog`);
      const aliases = slugOf(item.value) !== slug ? [item.value.trim()] : [];
      await session.createRole({ slug, name: value, domain, aliases, kras: proposedKras(item) });
      return [{ type: 'role_created', slug, name: value }];
    }
  }
}

function newSkillOf(item: ReviewItem, name: string, options: ApproveOptions): NewSkill {
  const slug = slugOf(name);
  if (!slug) throw new ReviewError('invalid', `"${name}" gives no usable skill slug: pass --as "Name"`);
  // The model's enrichment of the proposal gives the defaults; what the reviewer passes wins.
  const enrichment = proposedEnrichment(item);
  const nature = (options.nature?.trim().toUpperCase() || enrichment?.nature || DEFAULT_REVIEW_NATURE) as SkillNature;
  if (!(SKILL_NATURES as readonly string[]).includes(nature))
    throw new ReviewError('invalid', `nature must be one of ${SKILL_NATURES.join(', ')}`);
  const aliases: NewSkill['aliases'] = [{ text: name, type: 'canonical', caseSensitive: name.length <= CASE_SENSITIVE_MAX_LENGTH }];
  // The spelling runs actually used stays findable when the reviewer renamed the skill.
  const proposed = item.value.trim();
  if (proposed.toLowerCase() !== name.toLowerCase() && proposed.length > 1) {
    aliases.push({ text: proposed, type: 'synonym', caseSensitive: proposed.length <= CASE_SENSITIVE_MAX_LENGTH });
  }
  const category = options.category?.trim() || enrichment?.category || DEFAULT_REVIEW_CATEGORY;
  const lifecycle = enrichment
    ? { volatility: enrichment.volatility, lifespan: enrichment.lifespan, versionStrategy: enrichment.versionStrategy }
    : {};
  return { slug, name, category, nature, ...lifecycle, aliases };
}

/** The proposal's model enrichment (see the persister's review payload), when it is complete. */
export function proposedEnrichment(
  item: Pick<ReviewItem, 'payload'>,
): { category: string; nature: string; volatility: string; lifespan: string; versionStrategy: string; confidence: number } | null {
  const enrichment = item.payload.enrichment;
  if (!enrichment || typeof enrichment !== 'object') return null;
  const fields = enrichment as Record<string, unknown>;
  const texts = ['category', 'nature', 'volatility', 'lifespan', 'versionStrategy'].map((key) => fields[key]);
  if (!texts.every((value) => typeof value === 'string' && value !== '') || typeof fields.confidence !== 'number') return null;
  const [category, nature, volatility, lifespan, versionStrategy] = texts as string[];
  return {
    category: category!,
    nature: nature!,
    volatility: volatility!,
    lifespan: lifespan!,
    versionStrategy: versionStrategy!,
    confidence: fields.confidence,
  };
}

function proposedDomain(item: ReviewItem): string | null {
  const role = item.payload.role;
  if (role && typeof role === 'object' && 'domain' in role && typeof role.domain === 'string' && role.domain) return role.domain;
  return null;
}

function proposedKras(item: ReviewItem): string[] {
  const kras = item.payload.kras;
  return Array.isArray(kras) ? kras.filter((kra): kra is string => typeof kra === 'string' && kra.trim() !== '') : [];
}

/** An effect read back from storage; anything this service did not write is refused rather than guessed at. */
export function checkedEffect(raw: { type: string } & Record<string, unknown>): ReviewEffect {
  const text = (key: string): string => {
    const value = raw[key];
    if (typeof value !== 'string') throw new ReviewError('invalid', `stored review effect ${raw.type} lacks ${key}`);
    return value;
  };
  switch (raw.type) {
    case 'skill_created':
      return { type: raw.type, slug: text('slug'), name: text('name') };
    case 'skill_alias_added':
      return { type: raw.type, skillSlug: text('skillSlug'), text: text('text') };
    case 'role_kra_added':
      return { type: raw.type, roleSlug: text('roleSlug'), text: text('text') };
    case 'role_created':
      return { type: raw.type, slug: text('slug'), name: text('name') };
    case 'merged_into_item': {
      const { targetItemId, occurrences } = raw;
      if (typeof targetItemId !== 'number' || typeof occurrences !== 'number') {
        throw new ReviewError('invalid', 'stored review effect merged_into_item lacks its target or count');
      }
      return { type: raw.type, targetItemId, occurrences };
    }
    default:
      throw new ReviewError('invalid', `unknown stored review effect "${raw.type}"`);
  }
}

/** A later, still standing action that added to a skill or role this action created. */
async function dependantAction(session: ReviewSession, actionId: number, effects: ReviewEffect[]): Promise<ReviewActionRecord | null> {
  const skills = new Set(effects.flatMap((effect) => (effect.type === 'skill_created' ? [effect.slug] : [])));
  const roles = new Set(effects.flatMap((effect) => (effect.type === 'role_created' ? [effect.slug] : [])));
  if (skills.size + roles.size === 0) return null;
  for (const later of await session.liveActionsAfter(actionId)) {
    const touches = later.detail.effects
      .map(checkedEffect)
      .some(
        (effect) =>
          (effect.type === 'skill_alias_added' && skills.has(effect.skillSlug)) ||
          (effect.type === 'role_kra_added' && roles.has(effect.roleSlug)),
      );
    if (touches) return later;
  }
  return null;
}

/** Reverts one effect; returns whether the catalog changed. */
async function revertEffect(session: ReviewSession, effect: ReviewEffect): Promise<boolean> {
  switch (effect.type) {
    case 'skill_created':
      await session.deleteReviewSkill(effect.slug);
      return true;
    case 'skill_alias_added':
      await session.removeReviewSkillAlias(effect.skillSlug, effect.text);
      return true;
    case 'role_kra_added':
      await session.removeReviewRoleKra(effect.roleSlug, effect.text);
      return true;
    case 'role_created':
      await session.deleteReviewRole(effect.slug);
      return true;
    case 'merged_into_item':
      await session.addOccurrences(effect.targetItemId, -effect.occurrences);
      return false;
  }
}
