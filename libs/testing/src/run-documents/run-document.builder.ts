import type { RunDocument, RunSkill } from '@jdpipe/contracts';

/** A small, valid, completed run document for specs; override what the spec is about. */
export function aRunDocument(overrides: Partial<RunDocument> = {}): RunDocument {
  return {
    runId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    postingId: 'posting-1',
    status: 'completed',
    rejection: null,
    catalogVersion: 1,
    mode: 'offline',
    posting: { title: 'Backend Developer', description: 'We need Python and SQL.', location: null, company: null, source: 'test' },
    parsed: {
      title: 'Backend Developer',
      seniority: 'senior',
      roleAliases: [],
      ctc: { currency: 'INR', min: 1_800_000, max: 2_500_000, period: 'annual', raw: '18-25 LPA' },
      experience: { min: 3, max: null, raw: '3+ years' },
      education: [{ level: 'bachelor', field: 'Computer Science', requirement: 'required', raw: "Bachelor's in CS" }],
      certifications: [],
      sections: [{ heading: null, kind: 'other', text: 'We need Python and SQL.', start: 0, end: 23 }],
      location: 'Pune',
      workMode: 'hybrid',
      employmentType: 'full_time',
      companyName: null,
    },
    role: {
      slug: 'backend-engineer',
      displayName: 'Backend Engineer',
      domain: 'software-engineering',
      case: 'ALIAS',
      confidence: 0.9,
      reasoning: 'The title is an alias of Backend Engineer and its skills agree.',
      isNew: false,
      llm2Fired: false,
    },
    runnersUp: [{ slug: 'software-engineer', displayName: 'Software Engineer', score: 0.6 }],
    signals: { normalisedTitle: 'backend developer', aliasHits: [], candidates: [], domainScores: [] },
    skills: [aRunSkill()],
    proposals: [],
    llmCalls: [],
    timings: { parse: 1.5, matchRole: 0.5 },
    traceId: null,
    createdAt: '2026-11-25T10:00:00.000Z',
    completedAt: '2026-11-25T10:00:00.050Z',
    ...overrides,
  };
}

export function aRunSkill(overrides: Partial<RunSkill> = {}): RunSkill {
  return {
    name: 'Python',
    slug: 'python',
    status: 'in_catalog',
    matchedVia: 'canonical',
    category: 'Programming Languages',
    nature: 'LANGUAGE',
    primary: true,
    requirement: 'required',
    dimensions: [{ slug: 'backend-api-development', displayName: 'Backend API Development', underChosenRole: true }],
    evidence: [{ start: 8, end: 14, text: 'Python', section: 'other' }],
    ...overrides,
  };
}
