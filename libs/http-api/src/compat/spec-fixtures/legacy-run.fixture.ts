import type { RunDocument } from '@jdpipe/contracts';
import { aRunDocument, aRunSkill } from '@jdpipe/testing';

import type { RunCatalogFacts } from '../run-catalog-facts';

/**
 * A run with something under every part of the old answers: a catalog skill and a proposed one, a skill the
 * model found, KRA, skill and alias proposals, two candidate roles and a priced model call.
 */
export function aLegacyRun(overrides: Partial<RunDocument> = {}): RunDocument {
  const base = aRunDocument();
  const description = 'Responsibilities\nBuild REST services in Python\nOwn database integration\nQualifications\n3+ years';
  return aRunDocument({
    posting: { ...base.posting, title: 'Senior Backend Developer', description },
    parsed: {
      ...base.parsed!,
      title: 'Senior Backend Developer',
      roleAliases: ['Software Engineer'],
      sections: [
        {
          heading: 'Responsibilities',
          kind: 'responsibilities',
          text: 'Responsibilities\nBuild REST services in Python\nOwn database integration\n',
          start: 0,
          end: 72,
        },
        { heading: 'Qualifications', kind: 'requirements', text: 'Qualifications\n3+ years', start: 72, end: description.length },
      ],
    },
    role: { ...base.role!, case: 'KRA', llm2Fired: true, reasoning: 'KRA evidence and the model agree on Backend Engineer.' },
    runnersUp: [{ slug: 'data-engineer', displayName: 'Data Engineer', score: 0.41 }],
    signals: {
      normalisedTitle: 'backend developer',
      aliasHits: [{ roleSlug: 'backend-engineer', alias: 'Backend Developer', matchedTitle: 'Senior Backend Developer' }],
      candidates: [
        {
          slug: 'backend-engineer',
          displayName: 'Backend Engineer',
          domain: 'software-engineering',
          score: 0.82,
          aliasScore: 1,
          kraScore: 0.61,
          skillScore: 0.5,
          domainScore: 0.8,
          kraMatches: [
            { sentence: 'Own database integration', kraText: 'Design and integrate databases', similarity: 0.12 },
            { sentence: 'Build REST services in Python', kraText: 'Build and operate REST APIs', similarity: 0.74 },
          ],
          skillOverlap: { matched: ['python'], coreCount: 8 },
        },
        {
          slug: 'data-engineer',
          displayName: 'Data Engineer',
          domain: 'data-ai',
          score: 0.41,
          aliasScore: 0,
          kraScore: 0.3,
          skillScore: 0.25,
          domainScore: 0.4,
          kraMatches: [{ sentence: 'Own database integration', kraText: 'Integrate data sources', similarity: 0.45 }],
          skillOverlap: { matched: ['python'], coreCount: 10 },
        },
      ],
      domainScores: [
        { domain: 'data-ai', score: 0.4, keywords: ['data'] },
        { domain: 'software-engineering', score: 0.8, keywords: ['services'] },
      ],
    },
    skills: [
      aRunSkill({ evidence: [{ start: 40, end: 46, text: 'python', section: 'responsibilities' }] }),
      aRunSkill({
        name: 'Database Integration',
        slug: 'database-integration',
        status: 'proposed',
        matchedVia: 'llm',
        category: 'Databases',
        nature: 'PRACTICE',
        primary: false,
        dimensions: [],
        evidence: [{ start: 51, end: 71, text: 'database integration', section: 'responsibilities' }],
      }),
    ],
    proposals: [
      { kind: 'skill', value: 'Database Integration', status: 'pending', target: null, evidence: 'Own database integration' },
      { kind: 'kra', value: 'Own database integration', status: 'pending', target: 'backend-engineer', evidence: 'best KRA 0.12' },
      { kind: 'alias', value: 'Python 3', status: 'pending', target: 'python', evidence: 'Python 3' },
    ],
    llmCalls: [
      {
        stage: 'parse',
        purpose: 'extract',
        model: 'gpt-4.1-nano',
        promptVersion: 'p1',
        inputTokens: 900,
        cachedTokens: 0,
        outputTokens: 200,
        costUsd: 0.00015,
        latencyMs: 800,
        cacheHit: false,
        error: null,
      },
      {
        stage: 'matchRole',
        purpose: 'tie-break',
        model: 'gpt-4.1-nano',
        promptVersion: 'p1',
        inputTokens: 400,
        cachedTokens: 0,
        outputTokens: 50,
        costUsd: 0.00005,
        latencyMs: 500,
        cacheHit: false,
        error: null,
      },
    ],
    llmAssist: { fieldsFromLlm: [], skillsFromLlm: ['database-integration'], ungroundedSkillsDropped: 0, rejected: [], fallbacks: [] },
    ...overrides,
  });
}

/** The library rows behind `aLegacyRun`, with ids as a database would give them. */
export function legacyRunFacts(run: RunDocument): RunCatalogFacts {
  return {
    skills: new Map([
      [
        'python',
        {
          id: 42,
          categoryId: 7,
          subCategory: 'general-purpose',
          volatility: 'LOW',
          lifespan: 'EVERGREEN',
          versionStrategy: 'VERSIONED',
          isAlsoCategory: false,
          aliases: [
            { id: 420, text: 'Python', type: 'canonical', match: 'case_insensitive' },
            { id: 421, text: 'Py', type: 'abbreviation', match: 'case_sensitive' },
          ],
        },
      ],
    ]),
    dimensions: new Map([
      ['backend-api-development', { id: 9, description: 'Designing and running server APIs.', roleSlugs: ['backend-engineer'] }],
    ]),
    roles: new Map([
      ['backend-engineer', { id: 1, description: 'Builds the server side of products.' }],
      ['data-engineer', { id: 2, description: 'Builds data pipelines.' }],
    ]),
    domainNames: new Map([
      ['software-engineering', 'Software Engineering'],
      ['data-ai', 'Data & AI'],
    ]),
    proposalQueue: run.proposals.map((_, index) => ({ id: 100 + index, status: 'pending' })),
    centroid: { n: 12, updatedAt: '2026-11-25T10:00:00.040Z' },
  };
}
