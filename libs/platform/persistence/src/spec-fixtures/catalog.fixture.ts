import type { Catalog, CatalogSkill, SeedCatalog } from '@jdpipe/catalog';

/** A small but complete seed: every table of the catalog gets rows, including alias context and case rules. */
export function smallSeed(): SeedCatalog {
  const catalog: Catalog = {
    version: 0,
    domains: [
      { slug: 'software-engineering', name: 'Software Engineering', keywords: ['software', 'backend', 'api'] },
      { slug: 'data-ai', name: 'Data & AI', keywords: ['data', 'machine learning'] },
    ],
    dimensions: [
      { slug: 'backend-api-development', name: 'Backend API Development', description: 'Designing and building APIs.' },
      { slug: 'data-engineering', name: 'Data Engineering', description: 'Pipelines and storage.' },
      { slug: 'team-leadership', name: 'Team Leadership', description: '' },
    ],
    skills: [
      skill(
        'python',
        'Python',
        'Programming Languages',
        'LANGUAGE',
        ['backend-api-development', 'data-engineering'],
        [{ text: 'Py', type: 'abbreviation', match: 'case_sensitive', context: ['django', 'pandas'] }],
      ),
      skill(
        'go',
        'Go',
        'Programming Languages',
        'LANGUAGE',
        ['backend-api-development'],
        [{ text: 'Golang', type: 'synonym', match: 'case_insensitive', context: [] }],
      ),
      skill(
        'apache-kafka',
        'Apache Kafka',
        'Messaging',
        'PLATFORM',
        ['data-engineering'],
        [{ text: 'Kafka', type: 'synonym', match: 'case_insensitive', context: [] }],
      ),
      skill('team-leadership', 'Team Leadership', 'Soft Skills', 'SOFT', ['team-leadership'], []),
    ],
    roles: [
      {
        slug: 'backend-engineer',
        name: 'Backend Engineer',
        domain: 'software-engineering',
        description: 'Builds server-side systems.',
        aliases: ['Backend Developer', 'Server-side Engineer'],
        kras: ['Design and build REST APIs', 'Own service reliability'],
        coreSkills: ['python', 'go'],
        dimensions: ['backend-api-development'],
      },
      {
        slug: 'data-engineer',
        name: 'Data Engineer',
        domain: 'data-ai',
        description: '',
        aliases: ['ETL Developer'],
        kras: ['Build data pipelines'],
        coreSkills: ['python', 'apache-kafka'],
        dimensions: ['data-engineering', 'backend-api-development'],
      },
    ],
  };
  return { catalog, contentHash: 'seed-hash-a', problems: [] };
}

export function skill(
  slug: string,
  name: string,
  category: string,
  nature: CatalogSkill['nature'],
  dimensions: string[],
  extraAliases: CatalogSkill['aliases'],
): CatalogSkill {
  return {
    slug,
    name,
    category,
    subCategory: null,
    nature,
    volatility: 'LOW',
    lifespan: 'EVERGREEN',
    versionStrategy: 'NOT_APPLICABLE',
    aliases: [{ text: name, type: 'canonical', match: 'case_insensitive', context: [] }, ...extraAliases],
    dimensions,
  };
}

/** A catalog of the production size (2,000 skills, 6,000 aliases, 60 roles) for load-time checks. */
export function largeSeed(): SeedCatalog {
  const dimensions = Array.from({ length: 40 }, (_, index) => ({
    slug: `dimension-${index}`,
    name: `Dimension ${index}`,
    description: `Competency number ${index}`,
  }));
  const skills = Array.from({ length: 2000 }, (_, index) =>
    skill(
      `skill-${index}`,
      `Skill ${index}`,
      `Category ${index % 25}`,
      'TOOL',
      [`dimension-${index % 40}`, `dimension-${(index * 7 + 1) % 40}`],
      [
        { text: `S${index}`, type: 'abbreviation', match: 'case_sensitive', context: [] },
        { text: `Skill Number ${index}`, type: 'synonym', match: 'case_insensitive', context: index % 10 === 0 ? ['cloud'] : [] },
      ],
    ),
  );
  const roles = Array.from({ length: 60 }, (_, index) => ({
    slug: `role-${index}`,
    name: `Role ${index}`,
    domain: 'software-engineering',
    description: '',
    aliases: [`Role Alias ${index}`, `Other Title ${index}`],
    kras: Array.from({ length: 6 }, (_, kra) => `Responsibility ${kra} of role ${index}`),
    coreSkills: Array.from({ length: 8 }, (_, core) => `skill-${(index * 8 + core) % 2000}`),
    dimensions: [`dimension-${index % 40}`],
  }));
  return {
    catalog: {
      version: 0,
      skills,
      dimensions,
      roles,
      domains: [{ slug: 'software-engineering', name: 'Software Engineering', keywords: ['software'] }],
    },
    contentHash: 'seed-hash-large',
    problems: [],
  };
}

/** Orders what the database orders by slug, so a loaded catalog compares equal to the seed it came from. */
export function bySlug(catalog: Catalog): Catalog {
  const sort = <T extends { slug: string }>(items: T[]) => [...items].sort((a, b) => a.slug.localeCompare(b.slug));
  return {
    version: catalog.version,
    skills: sort(catalog.skills),
    dimensions: sort(catalog.dimensions),
    roles: sort(catalog.roles),
    domains: sort(catalog.domains),
  };
}
