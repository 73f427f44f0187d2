/** Public shapes of a parsed job description. */

export type Seniority = 'intern' | 'junior' | 'mid' | 'senior' | 'lead' | 'principal' | 'head';
export type PayPeriod = 'annual' | 'monthly' | 'weekly' | 'daily' | 'hourly';
export type Requirement = 'required' | 'preferred';
export type EducationLevel = 'high_school' | 'diploma' | 'bachelor' | 'master' | 'mba' | 'doctorate';
export type SectionKind = 'responsibilities' | 'requirements' | 'nice_to_have' | 'benefits' | 'company' | 'other';
export type WorkMode = 'onsite' | 'remote' | 'hybrid';
export type EmploymentType = 'full_time' | 'part_time' | 'contract' | 'internship' | 'temporary' | 'freelance';

/** Pay as stated; a single figure or "up to" leaves the other bound null. Amounts in units of currency (8 LPA = 800000). */
export interface SalaryRange {
  /** ISO 4217 code. */
  currency: string;
  min: number | null;
  max: number | null;
  period: PayPeriod;
  /** The pay phrase exactly as it appears in the description. */
  raw: string;
}

/** Years of experience asked for. */
export interface ExperienceRange {
  min: number | null;
  max: number | null;
  raw: string;
}

export interface EducationRequirement {
  level: EducationLevel;
  field: string | null;
  requirement: Requirement;
  raw: string;
}

export interface CertificationRequirement {
  name: string;
  requirement: Requirement;
}

/** A block of the posting; start/end are character offsets into the description (end exclusive). */
export interface JdSection {
  heading: string | null;
  kind: SectionKind;
  /** Exactly `description.slice(start, end)`, heading line included, so sections tile the description. */
  text: string;
  start: number;
  end: number;
}

/** One sentence or bullet, with offsets into the description and the index of its section in `sections`. */
export interface JdSentence {
  text: string;
  start: number;
  end: number;
  sectionIndex: number;
}

export interface ParsedJd {
  /** Given title (cleaned), else inferred from the text. */
  title: string | null;
  seniority: Seniority | null;
  /** Other job titles the posting names for the same opening. */
  roleAliases: string[];
  ctc: SalaryRange | null;
  experience: ExperienceRange | null;
  education: EducationRequirement[];
  certifications: CertificationRequirement[];
  /** Covers the whole text in order; text before any heading is a section with heading null. */
  sections: JdSection[];
  /** Every sentence/bullet of every section. */
  sentences: JdSentence[];
  location: string | null;
  workMode: WorkMode | null;
  employmentType: EmploymentType | null;
  companyName: string | null;
}

export interface Rejection {
  code: 'PARSE.EMPTY' | 'PARSE.TOO_LARGE' | 'PARSE.NOT_TEXT' | 'PARSE.NOT_A_JD';
  reason: string;
}

export type ParseOutcome = { ok: true; parsed: ParsedJd } | { ok: false; rejection: Rejection };

export interface PostingInput {
  description: string;
  title?: string | null;
  location?: string | null;
}
