import { CatalogIndex, type Catalog } from '@jdpipe/catalog';
import { DEFAULT_CATALOG_CHECK_MS } from '@jdpipe/config';
import { RoleMatcher } from '@jdpipe/role-matching';
import { SkillMatcher } from '@jdpipe/skill-matching';

/** Where the current catalog comes from: the database in every deployment. */
export interface CatalogSource {
  loadCatalog(): Promise<Catalog>;
  /**
   * The latest catalog version in the store (null before the first sync): a cheap query that lets a stage
   * notice it is behind. Without it the runtime only reloads when told to.
   */
  latestVersion?(): Promise<number | null>;
}

export const CATALOG_SOURCE = Symbol('CATALOG_SOURCE');

/** The compiled matchers of one catalog version, swapped as a whole when the catalog changes. */
export interface CompiledCatalog {
  index: CatalogIndex;
  skillMatcher: SkillMatcher;
  roleMatcher: RoleMatcher;
}

/** What a catch-up did: whether it reloaded, and the versions before and after. */
export interface CatalogCatchUp {
  reloaded: boolean;
  /** The version loaded before, null when nothing was loaded yet. */
  previousVersion: number | null;
  loadedVersion: number;
  /** Time spent loading and compiling; 0 when skipped. */
  reloadMs: number;
}

export interface CatalogRuntimeOptions {
  /**
   * How often at most `current()` asks the source whether a newer version exists: the safety net for a
   * missed change announcement. 0 turns the check off.
   */
  freshnessCheckMs?: number;
  /** Milliseconds clock, replaceable in tests. */
  now?: () => number;
}

/**
 * Holds the compiled catalog the stages match against. `catchUp(version)` is the one way a change reaches
 * it, whether announced on the bus or reported by an in-process review: it reloads only when the loaded
 * version is older, and concurrent callers share one reload.
 */
export class CatalogRuntime {
  private compiled: CompiledCatalog | null = null;
  private reloading: Promise<CompiledCatalog> | null = null;
  private checking: Promise<void> | null = null;
  private lastCheckAt = Number.NEGATIVE_INFINITY;
  private readonly freshnessCheckMs: number;
  private readonly now: () => number;

  constructor(
    private readonly source: CatalogSource,
    options: CatalogRuntimeOptions = {},
  ) {
    this.freshnessCheckMs = options.freshnessCheckMs ?? DEFAULT_CATALOG_CHECK_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** The version of the compiled catalog, null before the first load. */
  get loadedVersion(): number | null {
    return this.compiled?.index.version ?? null;
  }

  /** Loads and compiles the source's catalog now; joins a reload already under way. */
  reload(): Promise<CompiledCatalog> {
    this.reloading ??= this.compile().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  /**
   * Makes the loaded catalog at least `version`. Skips when it already is (announcements are idempotent and
   * may arrive more than once); null means "some change, version unknown" and is resolved against the
   * source's latest version when it can tell, else reloads.
   */
  async catchUp(version: number | null): Promise<CatalogCatchUp> {
    const previousVersion = this.loadedVersion;
    const wanted = version ?? (this.source.latestVersion ? await this.source.latestVersion() : null);
    if (previousVersion !== null && wanted !== null && previousVersion >= wanted) {
      return { reloaded: false, previousVersion, loadedVersion: previousVersion, reloadMs: 0 };
    }
    const started = performance.now();
    let compiled = await this.reload();
    // A reload joined mid-way may have read the catalog before the change committed: read it once more.
    if (wanted !== null && compiled.index.version < wanted) compiled = await this.reload();
    return { reloaded: true, previousVersion, loadedVersion: compiled.index.version, reloadMs: performance.now() - started };
  }

  /** The compiled catalog for the message in hand, caught up first when the source holds a newer version. */
  async current(): Promise<CompiledCatalog> {
    if (!this.compiled) return this.reload();
    await this.checkFreshness();
    return this.compiled;
  }

  private async compile(): Promise<CompiledCatalog> {
    const index = new CatalogIndex(await this.source.loadCatalog());
    this.compiled = { index, skillMatcher: SkillMatcher.build(index.catalog), roleMatcher: RoleMatcher.build(index) };
    return this.compiled;
  }

  private async checkFreshness(): Promise<void> {
    if (!this.source.latestVersion || this.freshnessCheckMs <= 0) return;
    if (this.now() - this.lastCheckAt < this.freshnessCheckMs) return this.checking ?? undefined;
    this.lastCheckAt = this.now();
    this.checking ??= this.catchUp(null)
      .then(
        () => undefined,
        // The catalog in hand keeps serving; the next check, one interval later, tries again.
        () => undefined,
      )
      .finally(() => {
        this.checking = null;
      });
    return this.checking;
  }
}
