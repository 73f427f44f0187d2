import { parseCertifications } from './certifications/parse-certifications';
import { detectCompanyName } from './company/detect-company-name';
import { parseEducation } from './education/parse-education';
import { detectEmploymentType } from './employment-type/detect-employment-type';
import { parseExperience } from './experience/parse-experience';
import { detectLocation } from './location/detect-location';
import type { ParseOutcome, ParsedJd, PostingInput } from './parsed-jd';
import { screenPosting } from './rejection/screen-posting';
import { currencyHintsOf } from './salary/pay-currency';
import { parseSalary } from './salary/parse-salary';
import { requirementOf } from './sections/requirement-of';
import { splitSections } from './sections/split-sections';
import { splitSentences } from './sections/split-sentences';
import { detectSeniority } from './seniority/detect-seniority';
import { cleanTitle } from './title/clean-title';
import { inferTitle, roleAliasesOf } from './title/infer-title';
import { detectWorkMode } from './work-mode/detect-work-mode';

/**
 * Turns a posting's free text into structured fields, or says why it is not a posting. Deterministic
 * and offline; never throws (an unexpected failure becomes a NOT_TEXT rejection with the cause).
 */
export function parseJobDescription(input: PostingInput): ParseOutcome {
  try {
    const rejection = screenPosting(input?.description, input?.title);
    if (rejection) return { ok: false, rejection };
    return { ok: true, parsed: parseAccepted(input) };
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    return { ok: false, rejection: { code: 'PARSE.NOT_TEXT', reason: `could not be read as text: ${cause}` } };
  }
}

function parseAccepted(input: PostingInput): ParsedJd {
  const description = input.description;
  const { sections, bodyStarts } = splitSections(description);
  const sentences = splitSentences(description, sections, bodyStarts);
  const withRequirement = sentences.map((sentence) => ({ text: sentence.text, requirement: requirementOf(sentence, sections) }));

  const givenTitle = input.title ? cleanTitle(input.title) : null;
  const inferred = givenTitle ? null : inferTitle(description);
  const title = givenTitle ?? inferred?.title ?? null;
  const roleAliases = roleAliasesOf(title, description);

  const experience = parseExperience(withRequirement.map((s) => ({ text: s.text, preferred: s.requirement === 'preferred' })));
  const headline = title ?? '';
  const location = detectLocation(description, input.location);

  return {
    title,
    seniority: detectSeniority({ title, text: description, minimumYears: experience?.min ?? null }),
    roleAliases,
    ctc: parseSalary(description, currencyHintsOf({ text: description, location })),
    experience,
    education: parseEducation(withRequirement),
    certifications: parseCertifications(withRequirement),
    sections,
    sentences,
    location,
    workMode: detectWorkMode(description, { location: input.location, title: input.title }),
    employmentType: detectEmploymentType(description, headline),
    companyName: detectCompanyName(description),
  };
}
