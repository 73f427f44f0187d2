import type { LlmCallRecord, RunDocument } from '@jdpipe/contracts';

import type { LegacyFinalRoleOutputAnswer, LegacyPersistenceItem } from './legacy-answers';
import { chosenRoleOf, dimensionOf } from './legacy-library-objects';
import type { RunCatalogFacts } from './run-catalog-facts';

/**
 * Which of the old system's calls each jdpipe stage's model calls belong to: its first call parsed the posting
 * and decided the role, its second resolved skills; the third (persisting) asks no model in jdpipe.
 */
const LEGACY_CALL_OF_STAGE: Record<string, 'api1' | 'api2' | 'api3'> = { parse: 'api1', matchRole: 'api1', resolveSkills: 'api2' };

/** POST /skills/final-role-output: the chosen role and the (skill × dimension) links the run saved. */
export function toFinalRoleOutputAnswer(run: RunDocument, facts: RunCatalogFacts): LegacyFinalRoleOutputAnswer {
  const items = persistenceItemsOf(run, facts);
  const costOf = (call: 'api1' | 'api2' | 'api3'): number | null =>
    totalCostUsd(run.llmCalls.filter((record) => (LEGACY_CALL_OF_STAGE[record.stage] ?? 'api3') === call));
  return {
    chosen_role: chosenRoleOf(run, facts),
    chosen_role_resolution: run.role ? (run.role.isNew ? 'new' : 'in_db') : null,
    final_input_skills: run.skills.map((skill) => ({ skill: skill.name, tag: skill.status === 'in_catalog' ? 'in_db' : 'new' })),
    llm_cost_api1_usd: costOf('api1'),
    llm_cost_api2_usd: costOf('api2'),
    llm_cost_api3_usd: costOf('api3'),
    llm_cost_total_usd: totalCostUsd(run.llmCalls),
    persistence: {
      items,
      // Unknown skills become review proposals, never library rows, during a run.
      new_skills_created: 0,
      role_dimension_saved: items.filter((item) => item.role_dimension_saved).length,
      skill_dimension_saved: items.filter((item) => item.skill_dimension_saved).length,
      skipped: 0,
    },
    planner_output: null,
    run_id: run.runId,
  };
}

/** Spend of the calls in USD; null when a call's price is unknown, 0 when no model was asked. */
function totalCostUsd(calls: LlmCallRecord[]): number | null {
  if (calls.some((call) => call.costUsd === null)) return null;
  return Math.round(calls.reduce((sum, call) => sum + (call.costUsd ?? 0), 0) * 1e6) / 1e6;
}

/**
 * One item per (skill × dimension), as the persister counts them: every pair is a skill↔dimension link, and a
 * dimension under the chosen role also a role↔dimension link. Runs that were not completed have no skills.
 */
function persistenceItemsOf(run: RunDocument, facts: RunCatalogFacts): LegacyPersistenceItem[] {
  const chosenRoleId = run.role ? (facts.roles.get(run.role.slug)?.id ?? 0) : 0;
  return run.skills.flatMap((skill) =>
    skill.dimensions.map((link): LegacyPersistenceItem => {
      const dimension = dimensionOf(link, facts);
      return {
        chosen_role_id: chosenRoleId,
        dimension,
        dimension_id: dimension.id,
        input_skill: skill.name,
        llm_role: null,
        matched_chosen_role: link.underChosenRole,
        outcome_line: outcomeLineOf(link.underChosenRole),
        role_dimension_saved: link.underChosenRole,
        roles_from_db: facts.dimensions.get(link.slug)?.roleSlugs ?? [],
        skill_dimension_saved: true,
        skill_id: facts.skills.get(skill.slug)?.id ?? 0,
        skill_tag: skill.status === 'in_catalog' ? 'in_db' : 'new',
        skipped_reason: null,
      };
    }),
  );
}

function outcomeLineOf(underChosenRole: boolean): string {
  return underChosenRole
    ? 'Existing dimension (library) · Role↔dimension saved'
    : 'Existing dimension (library) · Role↔dimension skipped (dimension not under chosen role)';
}
