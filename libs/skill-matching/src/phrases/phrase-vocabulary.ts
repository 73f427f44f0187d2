/**
 * Word lists that keep proposals precise: a proposed skill must be a short noun phrase that names
 * something, not a clause, a pronoun, a vague quality or a generic noun.
 */

/** Function words: a phrase containing one is a clause or a fragment, never a skill name. */
export const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'without', 'by',
  'from', 'as', 'into', 'onto', 'about', 'over', 'under', 'within', 'across', 'through', 'via', 'per', 'than',
  'our', 'your', 'their', 'his', 'her', 'its', 'my', 'we', 'you', 'they', 'he', 'she', 'it', 'i', 'us', 'them',
  'this', 'that', 'these', 'those', 'which', 'who', 'whom', 'whose', 'what', 'how', 'why', 'when', 'where',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'will', 'would', 'can', 'could', 'should', 'shall',
  'may', 'might', 'must', 'do', 'does', 'did', 'have', 'has', 'had', 'not', 'no', 'yes', 'if', 'so', 'such',
  'also', 'etc', 'eg', 'ie', 'including', 'like', 'using', 'well', 'very', 'just', 'only', 'both', 'either',
  'neither', 'each', 'every', 'any', 'some', 'all', 'other', 'others', 'more', 'most', 'less', 'least',
  'plus', 'preferably', 'ideally', 'especially', 'particularly', 'e.g', 'i.e', 'year', 'years', 'months',
]);

/** Qualities and quantities that only decorate the skill ("strong", "large-scale", "hands-on"). */
export const MODIFIER_WORDS = new Set([
  'strong', 'excellent', 'good', 'great', 'outstanding', 'solid', 'proven', 'exceptional', 'effective', 'basic',
  'advanced', 'deep', 'working', 'sound', 'demonstrated', 'relevant', 'practical', 'thorough', 'extensive',
  'prior', 'professional', 'technical', 'new', 'existing', 'various', 'related', 'multiple', 'different',
  'complex', 'modern', 'similar', 'latest', 'current', 'large-scale', 'high-quality', 'high-performance',
  'scalable', 'robust', 'clean', 'maintainable', 'reliable', 'efficient', 'superior', 'superb', 'impeccable',
  'in-depth', 'hands-on', 'overall', 'general', 'key', 'core', 'appropriate', 'necessary', 'required',
  'preferred', 'desired', 'desirable', 'minimum', 'several', 'many', 'much', 'own', 'verbal', 'written', 'oral',
  'soft', 'hard', 'familiar', 'fluent', 'fluency', 'functional', 'cross-functional', 'fast-paced', 'dynamic',
  'self-motivated', 'excellent', 'exceptionally', 'talented', 'successful', 'quick', 'keen', 'high', 'low',
  'big', 'small', 'best', 'better', 'top', 'first', 'second', 'additional', 'specific', 'similar', 'equivalent',
  'hands', 'solid', 'comprehensive', 'broad', 'wide', 'fundamental', 'intermediate', 'expert', 'senior',
  'junior', 'business-critical', 'critical', 'important', 'able', 'capable', 'willing', 'ready', 'eager',
  'recent', 'direct', 'previous', 'past', 'ongoing',
]);

/** Nouns too generic to be a skill on their own, and heads that need a real modifier. */
export const GENERIC_NOUNS = new Set([
  'application', 'applications', 'interface', 'interfaces', 'team', 'teams', 'teamwork', 'environment',
  'environments', 'work', 'works', 'system', 'systems', 'tool', 'tools', 'technology', 'technologies', 'product',
  'products', 'project', 'projects', 'solution', 'solutions', 'software', 'service', 'services', 'process',
  'processes', 'task', 'tasks', 'client', 'clients', 'customer', 'customers', 'stakeholder', 'stakeholders',
  'business', 'businesses', 'company', 'companies', 'thing', 'things', 'field', 'fields', 'industry',
  'industries', 'people', 'role', 'roles', 'position', 'experience', 'experiences', 'knowledge', 'skill',
  'skills', 'skillset', 'ability', 'abilities', 'understanding', 'expertise', 'proficiency', 'familiarity',
  'area', 'areas', 'domain', 'domains', 'concept', 'concepts', 'principle', 'principles', 'fundamentals',
  'basics', 'method', 'methods', 'methodology', 'methodologies', 'technique', 'techniques', 'practice',
  'practices', 'standard', 'standards', 'requirement', 'requirements', 'functionality', 'functionalities',
  'feature', 'features', 'enhancement', 'enhancements', 'code', 'codebase', 'development', 'developments', 'support',
  'management', 'operations', 'data', 'information', 'platform', 'platforms', 'framework', 'frameworks',
  'language', 'languages', 'library', 'libraries', 'issue', 'issues', 'problem', 'problems', 'result',
  'results', 'quality', 'performance', 'documentation', 'trend', 'trends', 'stuff', 'job', 'jobs', 'career',
  'opportunity', 'opportunities', 'level', 'levels', 'degree', 'background', 'candidate', 'candidates',
  'organization', 'organisation', 'organizations', 'organisations', 'department', 'office', 'world', 'life',
  'time', 'way', 'ways', 'part', 'use', 'usage', 'exposure', 'interest', 'passion', 'attitude', 'mindset',
  'objectives', 'goals', 'tools', 'product', 'components', 'component', 'modules', 'module', 'activities',
  'activity', 'responsibilities', 'duties', 'function', 'functions', 'field', 'sector', 'market', 'markets',
  'computer', 'computers', 'internet', 'office', 'startup', 'start-up', 'enterprise', 'infrastructure',
  // The subject of the job rather than a skill in it: "teaching experience", "education", "students".
  'teaching', 'education', 'learning', 'student', 'students', 'employee', 'employees', 'staff', 'vision',
  'qualification', 'qualifications', 'analysis', 'design', 'regulations', 'one',
]);

/** Words ending in -ing that name a discipline, so they may open a phrase ("testing frameworks"). */
export const DISCIPLINE_ING_WORDS = new Set([
  'testing', 'marketing', 'accounting', 'engineering', 'programming', 'learning', 'computing', 'networking',
  'scripting', 'modeling', 'modelling', 'auditing', 'budgeting', 'forecasting', 'banking', 'manufacturing',
  'nursing', 'teaching', 'recruiting', 'bookkeeping', 'billing', 'coding', 'debugging', 'packaging',
  'publishing', 'trading', 'tracing', 'monitoring', 'logging', 'caching', 'messaging', 'streaming',
  'warehousing', 'mining', 'processing', 'reporting', 'pricing', 'sourcing', 'purchasing', 'merchandising',
  'copywriting', 'editing', 'branding', 'advertising', 'consulting', 'underwriting', 'plumbing', 'welding',
  'tutoring', 'counseling', 'counselling', 'lending', 'investing', 'hedging', 'routing', 'switching',
  'provisioning', 'rendering', 'shading', 'rigging', 'animating', 'drafting', 'surveying', 'costing',
]);

/** Verbs that open a duty bullet, not a skill ("organize", "develop and support"). */
export const DUTY_VERBS = new Set([
  'develop', 'ensure', 'maintain', 'write', 'participate', 'coordinate', 'collaborate', 'organize', 'organise',
  'prioritize', 'prioritise', 'implement', 'deliver', 'help', 'understand', 'learn', 'communicate', 'provide',
  'perform', 'conduct', 'identify', 'assist', 'improve', 'optimize', 'optimise', 'solve', 'make', 'take', 'get',
  'create', 'build', 'manage', 'prepare', 'handle', 'work', 'join', 'apply', 'drive', 'own', 'define', 'support',
  'multi-task', 'multitask', 'contribute', 'enhance', 'achieve', 'meet', 'exceed', 'report', 'travel',
]);

/** Words after "X" in "X skills" that end a skill phrase; adjectives keep the word "skills" (analytical skills). */
export const SKILL_HEAD_WORDS = new Set(['skill', 'skills', 'skillset', 'skillsets', 'abilities']);
