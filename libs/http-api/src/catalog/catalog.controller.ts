import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';

import { CatalogQueryStore } from '@jdpipe/persistence';

import { CatalogSearchQueryDto } from './catalog-search-query.dto';
import { DimensionDetailDto, DimensionPageDto, RoleDetailDto, RolePageDto, SkillDetailDto, SkillPageDto } from './catalog.dto';

/** The catalog for people: search skills, roles and dimensions, and open one with its links and history. */
@ApiTags('catalog')
@Controller('v1/catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogQueryStore) {}

  @Get('skills')
  @ApiOperation({ summary: 'Search skills by name, slug or alias' })
  @ApiOkResponse({ type: SkillPageDto })
  async skills(@Query() query: CatalogSearchQueryDto): Promise<SkillPageDto> {
    return this.versioned(await this.catalog.searchSkills(query));
  }

  @Get('skills/:slug')
  @ApiOperation({ summary: 'One skill: aliases, dimensions, roles listing it, runs using it, review history' })
  @ApiParam({ name: 'slug', example: 'python' })
  @ApiOkResponse({ type: SkillDetailDto })
  @ApiNotFoundResponse({ description: 'No skill has this slug' })
  async skill(@Param('slug') slug: string): Promise<SkillDetailDto> {
    return this.versioned(found(await this.catalog.skill(slug), `skill "${slug}"`));
  }

  @Get('roles')
  @ApiOperation({ summary: 'Search roles by name, slug or alias' })
  @ApiOkResponse({ type: RolePageDto })
  async roles(@Query() query: CatalogSearchQueryDto): Promise<RolePageDto> {
    return this.versioned(await this.catalog.searchRoles(query));
  }

  @Get('roles/:slug')
  @ApiOperation({ summary: 'One role: domain, aliases, KRAs, core skills, dimensions, review history' })
  @ApiParam({ name: 'slug', example: 'backend-developer' })
  @ApiOkResponse({ type: RoleDetailDto })
  @ApiNotFoundResponse({ description: 'No role has this slug' })
  async role(@Param('slug') slug: string): Promise<RoleDetailDto> {
    return this.versioned(found(await this.catalog.role(slug), `role "${slug}"`));
  }

  @Get('dimensions')
  @ApiOperation({ summary: 'Search dimensions by name or slug' })
  @ApiOkResponse({ type: DimensionPageDto })
  async dimensions(@Query() query: CatalogSearchQueryDto): Promise<DimensionPageDto> {
    return this.versioned(await this.catalog.searchDimensions(query));
  }

  @Get('dimensions/:slug')
  @ApiOperation({ summary: 'One dimension with its skills and roles' })
  @ApiParam({ name: 'slug' })
  @ApiOkResponse({ type: DimensionDetailDto })
  @ApiNotFoundResponse({ description: 'No dimension has this slug' })
  async dimension(@Param('slug') slug: string): Promise<DimensionDetailDto> {
    return this.versioned(found(await this.catalog.dimension(slug), `dimension "${slug}"`));
  }

  /** Every catalog answer says which catalog version it reflects. */
  private async versioned<T extends object>(answer: T): Promise<T & { catalogVersion: number }> {
    return { ...answer, catalogVersion: await this.catalog.catalogVersion() };
  }
}

function found<T>(entry: T | null, what: string): T {
  if (entry === null) throw new NotFoundException(`${what} is not in the catalog`);
  return entry;
}
