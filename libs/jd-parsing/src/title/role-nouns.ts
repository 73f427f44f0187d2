/** Head nouns of job titles: a phrase ending in one of these names a role ("Senior Data Engineer"). */
export const ROLE_NOUNS = [
  'accountant', 'administrator', 'advisor', 'adviser', 'agent', 'aide', 'analyst', 'architect', 'assistant', 'associate',
  'attorney', 'auditor', 'banker', 'buyer', 'caregiver', 'cashier', 'chef', 'clerk', 'coach', 'consultant', 'controller',
  'coordinator', 'copywriter', 'counselor', 'counsellor', 'designer', 'developer', 'director', 'driver', 'economist',
  'editor', 'educator', 'engineer', 'executive', 'expert', 'faculty', 'head', 'hygienist', 'instructor', 'intern',
  'investigator', 'journalist', 'lawyer', 'lead', 'lecturer', 'librarian', 'manager', 'marketer', 'mechanic', 'nurse',
  'officer', 'operator', 'paralegal', 'partner', 'pharmacist', 'physician', 'planner', 'president', 'producer',
  'professor', 'programmer', 'psychologist', 'recruiter', 'representative', 'researcher', 'scientist', 'secretary',
  'specialist', 'statistician', 'strategist', 'supervisor', 'surveyor', 'teacher', 'technician', 'technologist',
  'therapist', 'trainee', 'trainer', 'tutor', 'underwriter', 'writer', 'paraprofessional', 'sde', 'sdet', 'vp',
  'apprentice', 'principal', 'superintendent', 'dean', 'owner', 'evangelist', 'steward', 'receptionist', 'technologist',
];

const ROLE_NOUN_SET = new Set(ROLE_NOUNS);

/** "Developers" → "developer"; "Team Leads" → "lead". */
export function singularRoleNoun(word: string): string | null {
  const lower = word.toLowerCase().replace(/[^a-z]/g, '');
  if (ROLE_NOUN_SET.has(lower)) return lower;
  if (lower.endsWith('s') && ROLE_NOUN_SET.has(lower.slice(0, -1))) return lower.slice(0, -1);
  return null;
}

export const ROLE_NOUN_PATTERN = ROLE_NOUNS.join('|');
