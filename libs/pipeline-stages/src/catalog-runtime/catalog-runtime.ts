import { CatalogIndex, type Catalog } from '@jdpipe/catalog';
import { RoleMatcher } from '@jdpipe/role-matching';
import { SkillMatcher } from '@jdpipe/skill-matching';

/** Where the current catalog comes from: the database in every deployment. */
export interface CatalogSource {
  loadCatalog(): Promise<Catalog>;
}

export const CATALOG_SOURCE = Symbol('CATALOG_SOURCE');

/** The compiled matchers of one catalog version, swapped as a whole when the catalog changes. */
export interface CompiledCatalog {
  index: CatalogIndex;
  skillMatcher: SkillMatcher;
  roleMatcher: RoleMatcher;
}

/** Holds the compiled catalog the stages match against; reload() picks up approvals without a restart. */
export class CatalogRuntime {
  private compiled: CompiledCatalog | null = null;

  constructor(private readonly source: CatalogSource) {}

  async reload(): Promise<CompiledCatalog> {
    const index = new CatalogIndex(await this.source.loadCatalog());
    this.compiled = { index, skillMatcher: SkillMatcher.build(index.catalog), roleMatcher: RoleMatcher.build(index) };
    return this.compiled;
  }

  async current(): Promise<CompiledCatalog> {
    return this.compiled ?? this.reload();
  }
}
