import type { CatalogSkill, SeedCatalog } from '@jdpipe/catalog';

/** A small seed for review specs: a few skills with aliases, two roles with KRAs, two domains. */
export function reviewSeed(contentHash = 'review-seed-a', extraSkills: CatalogSkill[] = []): SeedCatalog {
  return {
    contentHash,
    problems: [],
    catalog: {
      version: 0,
      domains: [
        { slug: 'software-engineering', name: 'Software Engineering', keywords: ['software', 'backend'] },
        { slug: 'data-ai', name: 'Data & AI', keywords: ['data'] },
      ],
      dimensions: [{ slug: 'backend-api-development', name: 'Backend API Development', description: '' }],
      skills: [
        seedSkill('python', 'Python', 'LANGUAGE', ['Python3']),
        seedSkill('postgresql', 'PostgreSQL', 'PLATFORM', ['Postgres']),
        seedSkill('kubernetes', 'Kubernetes', 'PLATFORM', ['K8s']),
        ...extraSkills,
      ],
      roles: [
        {
          slug: 'backend-engineer',
          name: 'Backend Engineer',
          domain: 'software-engineering',
          description: 'Builds server-side systems.',
          aliases: ['Backend Developer'],
          kras: ['Design and build REST APIs'],
          coreSkills: ['python'],
          dimensions: ['backend-api-development'],
        },
      ],
    },
  };
}

export function seedSkill(slug: string, name: string, nature: CatalogSkill['nature'], synonyms: string[]): CatalogSkill {
  return {
    slug,
    name,
    category: 'Engineering',
    subCategory: null,
    nature,
    volatility: 'LOW',
    lifespan: 'EVERGREEN',
    versionStrategy: 'NOT_APPLICABLE',
    aliases: [
      { text: name, type: 'canonical', match: 'case_insensitive', context: [] },
      ...synonyms.map((text) => ({ text, type: 'synonym' as const, match: 'case_insensitive' as const, context: [] })),
    ],
    dimensions: ['backend-api-development'],
  };
}
