import { requirementOf, type JdSection, type JdSentence, type Requirement, type SectionKind } from '@jdpipe/jd-parsing';

import { isEqualOpportunityStatement } from './equal-opportunity';

/** Sections about the employer rather than the job: what they name is context, never a demand on the candidate. */
export const BACKGROUND_SECTION_KINDS: ReadonlySet<SectionKind> = new Set<SectionKind>(['company', 'benefits']);

/** Answers "which sentence / section / requirement level is this offset in" for one parsed posting. */
export class PostingLayout {
  readonly sentences: JdSentence[];
  /** Per sentence, whether it is an equal-opportunity statement: judged once, when first asked. */
  private readonly statements = new Map<JdSentence, boolean>();

  constructor(
    readonly description: string,
    readonly sections: JdSection[],
    sentences: JdSentence[],
  ) {
    this.sentences = [...sentences].sort((a, b) => a.start - b.start);
  }

  sentenceAt(offset: number): JdSentence | null {
    let low = 0;
    let high = this.sentences.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const sentence = this.sentences[middle];
      if (offset < sentence.start) high = middle - 1;
      else if (offset >= sentence.end) low = middle + 1;
      else return sentence;
    }
    return null;
  }

  sectionIndexAt(offset: number): number | null {
    const sentence = this.sentenceAt(offset);
    if (sentence && this.sections[sentence.sectionIndex]) return sentence.sectionIndex;
    const index = this.sections.findIndex((section) => offset >= section.start && offset < section.end);
    return index === -1 ? null : index;
  }

  requirementAt(offset: number): Requirement {
    const sectionIndex = this.sectionIndexAt(offset);
    if (sectionIndex !== null && BACKGROUND_SECTION_KINDS.has(this.sections[sectionIndex].kind)) return 'preferred';
    const sentence = this.sentenceAt(offset);
    if (sentence) return requirementOf(sentence, this.sections);
    return sectionIndex !== null && this.sections[sectionIndex].kind === 'nice_to_have' ? 'preferred' : 'required';
  }

  /** Whether `offset` is in an equal-opportunity or accommodation statement (see `isEqualOpportunityStatement`). */
  inEqualOpportunityStatement(offset: number): boolean {
    const sentence = this.sentenceAt(offset);
    if (!sentence) return false;
    let statement = this.statements.get(sentence);
    if (statement === undefined) {
      statement = isEqualOpportunityStatement(sentence.text);
      this.statements.set(sentence, statement);
    }
    return statement;
  }

  /** Whether `offset` opens a sentence or bullet: capitals there are forced by grammar, not meaning. */
  opensSentence(offset: number): boolean {
    const sentence = this.sentenceAt(offset);
    if (
      sentence &&
      this.description
        .slice(sentence.start, offset)
        .trim()
        .replace(/^[-*•\u2022\d.)\s]+/, '') === ''
    )
      return true;
    let index = offset - 1;
    while (index >= 0 && /[ \t*"'\u201c(]/.test(this.description[index])) index--;
    return index < 0 || /[.!?:;\n\r\u2022|]/.test(this.description[index]);
  }
}
