export type {
  CertificationRequirement,
  EducationLevel,
  EducationRequirement,
  EmploymentType,
  ExperienceRange,
  JdSection,
  JdSentence,
  ParseOutcome,
  ParsedJd,
  PayPeriod,
  PostingInput,
  Rejection,
  Requirement,
  SalaryRange,
  SectionKind,
  Seniority,
  WorkMode,
} from './parsed-jd';
export { parseJobDescription } from './parse-job-description';
export { MAX_DESCRIPTION_CHARS } from './rejection/screen-posting';
export { requirementOf } from './sections/requirement-of';
