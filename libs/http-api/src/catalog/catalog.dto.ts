import { ApiProperty } from '@nestjs/swagger';

export class CatalogRefDto {
  @ApiProperty()
  slug!: string;

  @ApiProperty()
  name!: string;
}

export class ObservedDimensionDto {
  @ApiProperty()
  slug!: string;

  @ApiProperty({ description: 'Runs that saw the entry under this dimension' })
  runs!: number;
}

export class CatalogHistoryEntryDto {
  @ApiProperty({ description: 'Undo with POST /v1/review/actions/{actionId}/undo' })
  actionId!: number;

  @ApiProperty()
  itemId!: number;

  @ApiProperty()
  itemKind!: string;

  @ApiProperty()
  itemValue!: string;

  @ApiProperty({ enum: ['approve', 'reject', 'merge'] })
  action!: string;

  @ApiProperty()
  actor!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: Number, nullable: true })
  catalogVersion!: number | null;

  @ApiProperty({ type: String, nullable: true })
  undoneBy!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  undoneAt!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  undoCatalogVersion!: number | null;

  @ApiProperty({ type: [Object], description: 'What the action changed, e.g. `{type: "skill_alias_added", skillSlug, text}`' })
  effects!: Array<Record<string, unknown>>;
}

export class SkillListItemDto {
  @ApiProperty()
  slug!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  category!: string;

  @ApiProperty({ example: 'LANGUAGE' })
  nature!: string;

  @ApiProperty({ enum: ['LOW', 'MEDIUM', 'HIGH'] })
  volatility!: string;

  @ApiProperty({ description: 'seed, review, or the import that added it (esco, onet)' })
  source!: string;
}

export class SkillPageDto {
  @ApiProperty({ type: [SkillListItemDto], description: 'Exact matches first, then prefixes, then by name' })
  items!: SkillListItemDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  catalogVersion!: number;
}

export class SkillAliasDto {
  @ApiProperty()
  text!: string;

  @ApiProperty({ enum: ['canonical', 'synonym', 'abbreviation', 'misspelling'] })
  type!: string;

  @ApiProperty({ enum: ['case_insensitive', 'case_sensitive'] })
  match!: string;

  @ApiProperty({ type: [String], description: 'Words of which one must occur for the alias to count; empty = always' })
  context!: string[];

  @ApiProperty()
  source!: string;
}

export class SkillDetailDto extends SkillListItemDto {
  @ApiProperty({ type: String, nullable: true })
  subCategory!: string | null;

  @ApiProperty({ enum: ['EVERGREEN', 'MULTI_YEAR', 'SHORT_LIVED'] })
  lifespan!: string;

  @ApiProperty({ enum: ['VERSIONED', 'UNVERSIONED', 'NOT_APPLICABLE'] })
  versionStrategy!: string;

  @ApiProperty({ type: String, nullable: true, description: 'ESCO URI or O*NET code of an imported skill' })
  externalId!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  retiredAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: [SkillAliasDto] })
  aliases!: SkillAliasDto[];

  @ApiProperty({ type: [CatalogRefDto] })
  dimensions!: CatalogRefDto[];

  @ApiProperty({ type: [ObservedDimensionDto] })
  observedDimensions!: ObservedDimensionDto[];

  @ApiProperty({ type: [CatalogRefDto], description: 'Roles listing the skill as a core skill' })
  roles!: CatalogRefDto[];

  @ApiProperty({ description: 'Runs that resolved the skill from the catalog' })
  runCount!: number;

  @ApiProperty({ type: [CatalogHistoryEntryDto], description: 'Review actions that changed the skill, newest first' })
  history!: CatalogHistoryEntryDto[];

  @ApiProperty()
  catalogVersion!: number;
}

export class RoleListItemDto {
  @ApiProperty()
  slug!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'Domain slug' })
  domain!: string;

  @ApiProperty()
  source!: string;
}

export class RolePageDto {
  @ApiProperty({ type: [RoleListItemDto] })
  items!: RoleListItemDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  catalogVersion!: number;
}

export class SourcedTextDto {
  @ApiProperty()
  text!: string;

  @ApiProperty()
  source!: string;
}

export class RoleDetailDto extends RoleListItemDto {
  @ApiProperty({ type: String, nullable: true })
  domainName!: string | null;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: String, nullable: true })
  externalId!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  retiredAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: [SourcedTextDto] })
  aliases!: SourcedTextDto[];

  @ApiProperty({ type: [SourcedTextDto], description: 'Key responsibility areas' })
  kras!: SourcedTextDto[];

  @ApiProperty({ type: [CatalogRefDto] })
  coreSkills!: CatalogRefDto[];

  @ApiProperty({ type: [CatalogRefDto] })
  dimensions!: CatalogRefDto[];

  @ApiProperty({ type: [ObservedDimensionDto] })
  observedDimensions!: ObservedDimensionDto[];

  @ApiProperty({ description: 'Completed runs that chose the role' })
  runCount!: number;

  @ApiProperty({ type: [CatalogHistoryEntryDto] })
  history!: CatalogHistoryEntryDto[];

  @ApiProperty()
  catalogVersion!: number;
}

export class DimensionListItemDto {
  @ApiProperty()
  slug!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty()
  skillCount!: number;

  @ApiProperty()
  roleCount!: number;
}

export class DimensionPageDto {
  @ApiProperty({ type: [DimensionListItemDto] })
  items!: DimensionListItemDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  catalogVersion!: number;
}

export class DimensionDetailDto extends DimensionListItemDto {
  @ApiProperty()
  source!: string;

  @ApiProperty({ type: [CatalogRefDto] })
  skills!: CatalogRefDto[];

  @ApiProperty({ type: [CatalogRefDto] })
  roles!: CatalogRefDto[];

  @ApiProperty()
  catalogVersion!: number;
}
