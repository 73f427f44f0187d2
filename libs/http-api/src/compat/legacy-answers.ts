/**
 * The answers of the replaced system's three endpoints, key for key and nesting for nesting (snake_case), as its
 * existing clients read them. jdpipe fills them from a run document; see the mappers beside this file.
 */

export interface LegacyFinalSkill {
  is_primary: boolean;
  skill_name: string;
}

export interface LegacyJdRole {
  display_name: string | null;
  rationale: string | null;
  role_aliases: string[];
  role_archetype: string | null;
  slug: string;
}

export interface LegacyCtc {
  currency: string;
  max: number | null;
  min: number | null;
  period: string;
  raw: string;
}

export interface LegacyDomain {
  aliases: string[];
  domain: string;
}

export interface LegacyEducation {
  level: string;
  qualification: string | null;
  raw: string;
  requirement: string;
}

export interface LegacyResponsibilities {
  bullet_count: number;
  heading: string | null;
  heading_was_present: boolean;
  source_marker: { first_5_words: string; last_5_words: string };
  text: string;
  word_count: number;
}

/** The old system's "nano JD parser" output: the posting's own fields before any library matching. */
export interface LegacyNanoParsed {
  JD_type: 'pass' | 'fail';
  about_company: string | null;
  certifications: Array<{ name: string; requirement: string }>;
  company_name: string | null;
  ctc: LegacyCtc | null;
  domain: { primary: LegacyDomain; secondary: LegacyDomain | null } | null;
  education: LegacyEducation[];
  experience: { max: number | null; min: number | null; raw: string } | null;
  job_locations: string[];
  role: string | null;
  role_aliases: string[];
  role_archetype: string | null;
  roles_and_responsibilities: LegacyResponsibilities[];
  urls: string[];
}

export interface LegacyKraMatch {
  kra_text: string;
  sentence: string;
  similarity: number;
}

/** One candidate role as the signal stage saw it. */
export interface LegacyRoleSignal {
  display_name: string;
  kra_matches: LegacyKraMatch[] | null;
  matched_count: number | null;
  matched_skills: string[] | null;
  role_id: number;
  score: number;
  slug: string;
  total_count: number | null;
}

export interface LegacyStage3Signals {
  alias_found: boolean;
  alias_match_roles: LegacyRoleSignal[];
  kra_match_roles: LegacyRoleSignal[];
  skill_match_roles: LegacyRoleSignal[];
}

export interface LegacyStage4Decision {
  alias_collision_detected: boolean;
  case: string | null;
  chosen_role: LegacyRoleSignal | null;
  confidence: number;
  is_new_role: boolean;
  llm2_fired: boolean;
  llm2_reasoning: string | null;
  matched_dimensions: string[];
  matched_kras: string[];
  matched_skills: string[];
  new_role_display_name: string | null;
  new_role_slug: string | null;
  queued: boolean;
  reasoning: string | null;
  sub_role: string | null;
}

export interface LegacyKraAttachment {
  best_kra_similarity: number;
  queue_id: number;
  r_and_r_preview: string;
  role_display_name: string;
  role_slug: string;
  status: string;
}

export interface LegacySkillAttachment {
  is_primary: boolean;
  queue_id: number;
  role_display_name: string;
  role_slug: string;
  skill_name: string;
  status: string;
}

export interface LegacyStage5Updates {
  centroid_n_after: number;
  centroid_updated: boolean;
  collision_log_id: number | null;
  new_kra_attached: LegacyKraAttachment | null;
  new_skills_attached: LegacySkillAttachment[];
  queue_entry_id: number | null;
  v3_pipeline_triggered: boolean;
  v3_role_slug: string | null;
  v3_run_id: string | null;
}

/** POST /skills/extract-from-jd: parsed posting, skills found, role signals and decision, queue updates. */
export interface LegacyExtractFromJdAnswer {
  final_skills: LegacyFinalSkill[];
  jd_role: LegacyJdRole;
  nano_parsed: LegacyNanoParsed | null;
  rejected: boolean;
  rejection_reason: string | null;
  run_id: string;
  stage3_signals: LegacyStage3Signals;
  stage4_decision: LegacyStage4Decision;
  stage5_updates: LegacyStage5Updates;
}

export interface LegacyCanonicalSkill {
  category_id: number;
  display_name: string;
  id: number;
  is_also_category: boolean;
  is_extractable: boolean;
  skill_nature: string;
  slug: string;
  sub_category_id: number;
  typical_lifespan: string;
  volatility: string;
}

export interface LegacyAliasMatch {
  alias_persist_skipped_reason: string | null;
  alias_persisted: boolean;
  existing_alias_id: number;
  existing_alias_text: string;
  input_term: string;
  matched_canonical: LegacyCanonicalSkill;
  matched_via: string;
}

export interface LegacyChosenRole {
  display_name: string;
  id: number;
  rationale: string | null;
  role_archetype: string;
  slug: string;
  source: 'db' | 'new';
}

export interface LegacyDimension {
  difficulty_hint: string;
  display_name: string;
  id: number;
  rationale: string;
  slug: string;
  source: 'db';
}

export interface LegacySkillDimension {
  dimension: LegacyDimension;
  input_skill: string;
  llm_role: string | null;
  /** Slugs of the library roles the dimension belongs to. */
  roles_from_db: string[];
}

export interface LegacyAliasInDb {
  alias_text: string;
  alias_type: string;
  id: number;
  is_primary: boolean;
  match_strategy: string;
}

export interface LegacyNewSkillMeta {
  derived: {
    category: string;
    skill_nature: string;
    sub_category: string;
    typical_lifespan: string;
    version_strategy: string;
    volatility: string;
  };
  enrichment: null;
  keep_log: string[];
  locked_dimensions: string[];
  merge_log: string[];
  placed: null;
  relationships: null;
  skill_id: string;
  split_log: string[];
  typed: null;
  warnings: string[];
}

export interface LegacySkillDetail {
  aliases_in_db: LegacyAliasInDb[];
  canonical: LegacyCanonicalSkill | null;
  dimensions: LegacySkillDimension[];
  input_skill: string;
  matched_via: string | null;
  new_alias_persisted: boolean;
  new_alias_text: string | null;
  new_skill_meta: LegacyNewSkillMeta | null;
  source_tag: 'db' | 'llm' | 'rules';
  was_in_llm_skills: boolean;
}

/** POST /skills/extract-details: each skill against the library, its aliases and dimensions. */
export interface LegacyExtractDetailsAnswer {
  alias_matches: LegacyAliasMatch[];
  candidate_roles: LegacyChosenRole[];
  chosen_role: LegacyChosenRole | null;
  dimensions: LegacySkillDimension[];
  input_final_skills: string[];
  input_llm_skills: string[];
  new_aliases_persisted: number;
  run_id: string;
  skills_detail: LegacySkillDetail[];
  unmatched_skills: string[];
}

export interface LegacyPersistenceItem {
  chosen_role_id: number;
  dimension: LegacyDimension;
  dimension_id: number;
  input_skill: string;
  llm_role: string | null;
  matched_chosen_role: boolean;
  outcome_line: string;
  role_dimension_saved: boolean;
  roles_from_db: string[];
  skill_dimension_saved: boolean;
  skill_id: number;
  skill_tag: 'in_db' | 'new';
  skipped_reason: string | null;
}

/** POST /skills/final-role-output: the chosen role and what the run saved. */
export interface LegacyFinalRoleOutputAnswer {
  chosen_role: LegacyChosenRole | null;
  chosen_role_resolution: 'in_db' | 'new' | null;
  final_input_skills: Array<{ skill: string; tag: 'in_db' | 'new' }>;
  llm_cost_api1_usd: number | null;
  llm_cost_api2_usd: number | null;
  llm_cost_api3_usd: number | null;
  llm_cost_total_usd: number | null;
  persistence: {
    items: LegacyPersistenceItem[];
    new_skills_created: number;
    role_dimension_saved: number;
    skill_dimension_saved: number;
    skipped: number;
  };
  planner_output: null;
  run_id: string;
}
