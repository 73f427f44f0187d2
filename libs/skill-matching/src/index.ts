export { SkillMatcher, type MentionScan, type SkillMention } from './matching/skill-matcher';
export type { CandidatePhrase } from './phrases/candidate-phrases';
export { resolveSkills, slugOf, type ResolveSkillsInput, type ResolvedSkills } from './resolution/resolve-skills';
