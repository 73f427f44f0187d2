import type { Catalog, CatalogDimension, CatalogDomain, CatalogRole, CatalogSkill } from '../model/catalog';

/** Lookups over a catalog by slug, built once per catalog version. */
export class CatalogIndex {
  readonly skillBySlug: ReadonlyMap<string, CatalogSkill>;
  readonly roleBySlug: ReadonlyMap<string, CatalogRole>;
  readonly dimensionBySlug: ReadonlyMap<string, CatalogDimension>;
  readonly domainBySlug: ReadonlyMap<string, CatalogDomain>;

  constructor(readonly catalog: Catalog) {
    this.skillBySlug = bySlug(catalog.skills);
    this.roleBySlug = bySlug(catalog.roles);
    this.dimensionBySlug = bySlug(catalog.dimensions);
    this.domainBySlug = bySlug(catalog.domains);
  }

  get version(): number {
    return this.catalog.version;
  }
}

function bySlug<T extends { slug: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.slug, item]));
}
