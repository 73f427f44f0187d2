import { deriveEvent, type RoleDecidedV1, type SkillsResolvedV1 } from '@jdpipe/contracts';
import { resolveSkills } from '@jdpipe/skill-matching';

import type { CatalogRuntime } from '../catalog-runtime/catalog-runtime';
import { elapsedSince } from '../parse-posting/parse-posting.handler';

export const SKILL_RESOLVER_PRODUCER = 'skill-resolver';

/** Skill-resolver stage: mentions → canonical skills, dimensions under the chosen role, proposals. */
export class ResolveSkillsHandler {
  constructor(private readonly catalog: CatalogRuntime) {}

  async handle(event: RoleDecidedV1): Promise<SkillsResolvedV1> {
    const started = performance.now();
    if (!event.parsed) {
      return deriveEvent(event, SKILL_RESOLVER_PRODUCER, { skills: [], skillProposals: [] });
    }
    const { index } = await this.catalog.current();
    const resolved = resolveSkills({
      scan: { mentions: event.mentions, candidatePhrases: event.candidatePhrases },
      description: event.posting.description,
      sections: event.parsed.sections,
      catalog: index,
      chosenRoleSlug: event.role && !event.role.isNew ? event.role.slug : null,
    });
    // Skills only the model found say so; their evidence is the posting's words it quoted.
    const fromLlm = new Set(event.llmAssist?.skillsFromLlm ?? []);
    const skills =
      fromLlm.size === 0
        ? resolved.skills
        : resolved.skills.map((skill) => (fromLlm.has(skill.slug) ? { ...skill, matchedVia: 'llm' } : skill));
    return deriveEvent(event, SKILL_RESOLVER_PRODUCER, {
      skills,
      skillProposals: resolved.proposals,
      timings: { ...event.timings, resolveSkills: elapsedSince(started) },
    });
  }
}
