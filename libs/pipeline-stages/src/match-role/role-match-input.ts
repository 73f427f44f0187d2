import type { JdSection, ParsedJd, SectionKind } from '@jdpipe/jd-parsing';
import type { RoleMatchInput } from '@jdpipe/role-matching';

const REQUIREMENTS: ReadonlySet<SectionKind | undefined> = new Set<SectionKind>(['requirements', 'nice_to_have']);

/** What the role matcher reads of a parsed posting and the skills found in it. */
export function roleMatchInputOf(
  parsed: Pick<ParsedJd, 'title' | 'roleAliases' | 'sections' | 'sentences'>,
  description: string,
  mentions: ReadonlyArray<{ skillSlug: string }>,
): RoleMatchInput {
  const kindOf = (sectionIndex: number): SectionKind | undefined => parsed.sections[sectionIndex]?.kind;
  const aboutTheEmployer = (sectionIndex: number): boolean => isAboutTheEmployer(parsed.sections[sectionIndex]);
  const responsibilities = parsed.sentences.filter((sentence) => kindOf(sentence.sectionIndex) === 'responsibilities');
  // Postings without a responsibilities heading still describe duties somewhere: every sentence but the employer's.
  const dutySentences =
    responsibilities.length > 0 ? responsibilities : parsed.sentences.filter((sentence) => !aboutTheEmployer(sentence.sectionIndex));
  return {
    title: parsed.title,
    roleAliases: parsed.roleAliases,
    responsibilitySentences: dutySentences.map((sentence) => sentence.text),
    requirementSentences: parsed.sentences
      .filter((sentence) => REQUIREMENTS.has(kindOf(sentence.sectionIndex)))
      .map((sentence) => sentence.text),
    skillSlugs: [...new Set(mentions.map((mention) => mention.skillSlug))],
    text: description,
  };
}

/**
 * What the employer offers, or a headed blurb about it ("About us"), describes no duty of the role. An unheaded
 * opening the parser reads as the company's is kept: "We are hiring an analyst to build dashboards" is both.
 */
function isAboutTheEmployer(section: JdSection | undefined): boolean {
  return section?.kind === 'benefits' || (section?.kind === 'company' && section.heading !== null);
}
