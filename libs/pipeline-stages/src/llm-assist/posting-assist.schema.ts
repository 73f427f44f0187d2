import { LIFESPANS, SKILL_NATURES, VERSION_STRATEGIES, VOLATILITIES } from '@jdpipe/catalog';
import type { EmploymentType, PayPeriod, Requirement, Seniority, WorkMode } from '@jdpipe/jd-parsing';
import type { JsonSchema, StructuredOutputSchema } from '@jdpipe/llm';

/** Bump with any change to the instructions or the schema: it is part of the response cache key. */
export const POSTING_ASSIST_PROMPT_VERSION = 'posting-assist-v2';

/** A field value with the words of the posting it was read from. */
export interface QuotedValue<T> {
  value: T | null;
  evidence: string | null;
}

export interface AssistedSalary {
  currency: string;
  min: number | null;
  max: number | null;
  period: PayPeriod;
  evidence: string;
}

export interface AssistedExperience {
  min: number | null;
  max: number | null;
  evidence: string;
}

export interface AssistedSkill {
  name: string;
  /** A catalog slug when the model believes the skill is a known one under another wording. */
  catalogSlug: string | null;
  /** The words of the posting that ask for the skill. */
  evidence: string;
  requirement: Requirement;
  /** For a skill outside the catalog (null `catalogSlug`): what the reviewer gets as defaults; else null. */
  enrichment: AssistedEnrichment | null;
}

/**
 * The model's description of a skill the catalog lacks. Plain strings in the schema, checked against the
 * catalog's lists on arrival, so one bad value drops one description rather than the whole answer.
 */
export interface AssistedEnrichment {
  category: string;
  nature: string;
  volatility: string;
  lifespan: string;
  versionStrategy: string;
  confidence: number;
}

/** The one answer of the parse-stage call: the parsed fields and the skills the dictionary missed. */
export interface PostingAssistAnswer {
  fields: {
    title: QuotedValue<string>;
    seniority: QuotedValue<Seniority>;
    salary: AssistedSalary | null;
    experience: AssistedExperience | null;
    location: QuotedValue<string>;
    workMode: QuotedValue<WorkMode>;
    employmentType: QuotedValue<EmploymentType>;
    companyName: QuotedValue<string>;
  };
  skills: AssistedSkill[];
}

const SENIORITIES: Seniority[] = ['intern', 'junior', 'mid', 'senior', 'lead', 'principal', 'head'];
const PAY_PERIODS: PayPeriod[] = ['annual', 'monthly', 'weekly', 'daily', 'hourly'];
const WORK_MODES: WorkMode[] = ['onsite', 'remote', 'hybrid'];
const EMPLOYMENT_TYPES: EmploymentType[] = ['full_time', 'part_time', 'contract', 'internship', 'temporary', 'freelance'];

const NULLABLE_TEXT: JsonSchema = { type: ['string', 'null'] };
const NULLABLE_NUMBER: JsonSchema = { type: ['number', 'null'] };

function quoted(value: JsonSchema): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['value', 'evidence'],
    properties: { value, evidence: NULLABLE_TEXT },
  };
}

function nullableEnum(values: readonly string[]): JsonSchema {
  return { type: ['string', 'null'], enum: [...values, null] };
}

export const POSTING_ASSIST_SCHEMA: StructuredOutputSchema = {
  name: 'posting_assist',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['fields', 'skills'],
    properties: {
      fields: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'seniority', 'salary', 'experience', 'location', 'workMode', 'employmentType', 'companyName'],
        properties: {
          title: quoted(NULLABLE_TEXT),
          seniority: quoted(nullableEnum(SENIORITIES)),
          salary: {
            anyOf: [
              {
                type: 'object',
                additionalProperties: false,
                required: ['currency', 'min', 'max', 'period', 'evidence'],
                properties: {
                  currency: { type: 'string', description: 'ISO 4217 code' },
                  min: NULLABLE_NUMBER,
                  max: NULLABLE_NUMBER,
                  period: { type: 'string', enum: PAY_PERIODS },
                  evidence: { type: 'string' },
                },
              },
              { type: 'null' },
            ],
          },
          experience: {
            anyOf: [
              {
                type: 'object',
                additionalProperties: false,
                required: ['min', 'max', 'evidence'],
                properties: { min: NULLABLE_NUMBER, max: NULLABLE_NUMBER, evidence: { type: 'string' } },
              },
              { type: 'null' },
            ],
          },
          location: quoted(NULLABLE_TEXT),
          workMode: quoted(nullableEnum(WORK_MODES)),
          employmentType: quoted(nullableEnum(EMPLOYMENT_TYPES)),
          companyName: quoted(NULLABLE_TEXT),
        },
      },
      skills: {
        type: 'array',
        maxItems: 40,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'catalogSlug', 'evidence', 'requirement', 'enrichment'],
          properties: {
            name: { type: 'string' },
            catalogSlug: NULLABLE_TEXT,
            evidence: { type: 'string' },
            requirement: { type: 'string', enum: ['required', 'preferred'] },
            enrichment: {
              anyOf: [
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['category', 'nature', 'volatility', 'lifespan', 'versionStrategy', 'confidence'],
                  properties: {
                    category: { type: 'string', description: 'one of the context list "categories"' },
                    nature: { type: 'string', description: SKILL_NATURES.join(' | ') },
                    volatility: { type: 'string', description: VOLATILITIES.join(' | ') },
                    lifespan: { type: 'string', description: LIFESPANS.join(' | ') },
                    versionStrategy: { type: 'string', description: VERSION_STRATEGIES.join(' | ') },
                    confidence: { type: 'number', description: '0 to 1' },
                  },
                },
                { type: 'null' },
              ],
            },
          },
        },
      },
    },
  },
};

export const POSTING_ASSIST_INSTRUCTIONS = [
  'You read one job posting and report what it states, nothing more.',
  'fields: the job title, seniority, salary, years of experience, location, work mode, employment type and',
  'hiring company. For each, copy into "evidence" the exact words of the posting it comes from; use null for',
  'anything the posting does not state. Never compute, estimate or guess a salary or a number of years: only',
  'numbers written in the posting count.',
  'skills: the skills the candidate needs or would benefit from that are NOT in the context list "alreadyFound".',
  'For each, give its usual name, a catalog slug (lowercase-kebab-case, e.g. "unit-testing") when you are sure it',
  'is a well-known skill the posting names in other words, else null, the exact words of the posting asking for',
  'it as "evidence", and whether it is required or preferred.',
  'For a skill with a null catalog slug, describe it in "enrichment": its category (exactly one of the context',
  'list "categories"), nature, volatility (how fast it changes), lifespan, version strategy (whether versions',
  'matter when asking for it) and your confidence from 0 to 1; use null for a skill with a catalog slug.',
].join('\n');
