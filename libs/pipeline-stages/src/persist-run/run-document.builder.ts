import type { ParsedFields, RunDocument, SkillsResolvedV1 } from '@jdpipe/contracts';

/** Assembles the run document from the last stage's event, which carries everything upstream. */
export function buildRunDocument(event: SkillsResolvedV1, completedAt: Date): RunDocument {
  const parsed = event.parsed;
  const parsedFields: ParsedFields | null = parsed && {
    title: parsed.title,
    seniority: parsed.seniority,
    roleAliases: parsed.roleAliases,
    ctc: parsed.ctc,
    experience: parsed.experience,
    education: parsed.education,
    certifications: parsed.certifications,
    sections: parsed.sections.map(({ heading, kind, text, start, end }) => ({ heading, kind, text, start, end })),
    location: parsed.location,
    workMode: parsed.workMode,
    employmentType: parsed.employmentType,
    companyName: parsed.companyName,
  };
  return {
    runId: event.runId,
    postingId: event.postingId,
    status: event.rejection ? 'rejected' : 'completed',
    rejection: event.rejection ? { code: event.rejection.code, reason: event.rejection.reason } : null,
    catalogVersion: event.catalogVersion,
    mode: event.mode ?? 'offline',
    posting: {
      title: event.posting.title ?? null,
      description: event.posting.description,
      location: event.posting.location ?? null,
      company: event.posting.company ?? null,
      source: event.posting.source ?? null,
    },
    parsed: parsedFields,
    role: event.role,
    runnersUp: event.runnersUp,
    signals: event.signals,
    skills: event.skills,
    proposals: [...event.roleProposals, ...event.skillProposals],
    llmCalls: event.llmCalls ?? [],
    ...(event.llmAssist ? { llmAssist: event.llmAssist } : {}),
    timings: { ...(event.timings ?? {}) },
    traceId: null,
    createdAt: event.postedAt ?? event.occurredAt,
    completedAt: completedAt.toISOString(),
    ...(event.rerunOf ? { rerunOf: event.rerunOf } : {}),
  };
}
