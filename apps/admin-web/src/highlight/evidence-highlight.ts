/** A skill's evidence: character ranges (end exclusive) into the posting description. */
export interface SkillSpans {
  slug: string;
  spans: ReadonlyArray<{ start: number; end: number }>;
}

/** A run of text covered by the same set of skills; `selected` when the chosen skill is one of them. */
export interface TextSegment {
  start: number;
  end: number;
  skills: string[];
  selected: boolean;
}

/**
 * Cuts the description into consecutive segments at every evidence boundary, so overlapping evidence of
 * several skills (e.g. "SQL" inside "PostgreSQL database") marks each character once with all its skills.
 * Spans are clamped to the text; empty or inverted spans are ignored. The segments tile the whole text.
 */
export function segmentEvidence(textLength: number, skills: readonly SkillSpans[], selectedSlug: string | null): TextSegment[] {
  const boundaries = new Set<number>([0, textLength]);
  const ranges: Array<{ slug: string; start: number; end: number }> = [];
  for (const skill of skills) {
    for (const span of skill.spans) {
      const start = clamp(span.start, 0, textLength);
      const end = clamp(span.end, 0, textLength);
      if (end <= start) continue;
      ranges.push({ slug: skill.slug, start, end });
      boundaries.add(start);
      boundaries.add(end);
    }
  }
  const cuts = [...boundaries].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let index = 0; index + 1 < cuts.length; index++) {
    const start = cuts[index];
    const end = cuts[index + 1];
    const covering = [...new Set(ranges.filter((range) => range.start <= start && range.end >= end).map((range) => range.slug))];
    const previous = segments[segments.length - 1];
    // Neighbours covered by exactly the same skills read as one mark, not a chain of touching marks.
    if (previous && sameMembers(previous.skills, covering)) previous.end = end;
    else segments.push({ start, end, skills: covering, selected: selectedSlug !== null && covering.includes(selectedSlug) });
  }
  return segments;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(value)));
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((slug) => b.includes(slug));
}
