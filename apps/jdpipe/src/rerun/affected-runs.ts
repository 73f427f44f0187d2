import type { RunDocument } from '@jdpipe/contracts';

/**
 * One catalog version made after the `--since` version, with the words it added or changed: skill names and
 * aliases, role titles. `terms` is null when the version cannot say what it touched (a seed sync, a catalog
 * file): then every run older than it may be affected.
 */
export interface CatalogChangeTerms {
  version: number;
  reason: string;
  terms: string[] | null;
}

/** A run that a later catalog change may affect, with the terms of its posting that the change touched. */
export interface AffectedRun {
  run: RunDocument;
  /** The matched terms; empty when the run was taken by `--all` or by a change that names no terms. */
  matchedTerms: string[];
}

export interface AffectedRunSelection {
  /** Latest runs of postings made with a catalog in [since, current). */
  considered: number;
  affected: AffectedRun[];
  /** Versions that name no terms, which made every run older than them affected. */
  unattributedVersions: CatalogChangeTerms[];
}

/** Longest term, in words, that is looked up in a posting. */
const MAX_TERM_WORDS = 8;

/**
 * The runs to re-process: each (the latest run of its posting) is affected by the changes made after its own
 * catalog version, when its title or text mentions one of their terms; `all` takes every run older than the
 * latest change. Runs come back oldest first.
 */
export function selectAffectedRuns(
  runs: readonly RunDocument[],
  changes: readonly CatalogChangeTerms[],
  options: { all: boolean },
): AffectedRunSelection {
  const unattributedVersions = changes.filter((change) => change.terms === null);
  const termsByVersion = changes.map((change) => ({
    version: change.version,
    terms: (change.terms ?? []).map((term) => ({ term, key: termKey(term) })).filter(({ key }) => key !== ''),
  }));
  const affected: AffectedRun[] = [];
  for (const run of runs) {
    const later = termsByVersion.filter((change) => change.version > run.catalogVersion);
    if (later.length === 0) continue;
    if (options.all || unattributedVersions.some((change) => change.version > run.catalogVersion)) {
      affected.push({ run, matchedTerms: [] });
      continue;
    }
    const phrases = postingPhrases(`${run.posting.title ?? ''}\n${run.posting.description}`);
    const matched = new Set<string>();
    for (const change of later) {
      for (const { term, key } of change.terms) if (phrases.has(key)) matched.add(term);
    }
    if (matched.size > 0) affected.push({ run, matchedTerms: [...matched].sort((a, b) => a.localeCompare(b)) });
  }
  affected.sort((a, b) => a.run.createdAt.localeCompare(b.run.createdAt));
  return { considered: runs.length, affected, unattributedVersions };
}

/** Lower-cased words; dots and plus/hash signs stay inside a word so "Node.js", "C++" and "C#" remain whole. */
function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}+#.]*/gu) ?? []).map((word) => word.replace(/\.+$/, ''));
}

/** A term as a sequence of words, the form it is looked up in. */
export function termKey(term: string): string {
  const termWords = words(term);
  return termWords.length > MAX_TERM_WORDS ? '' : termWords.join(' ');
}

/** Every run of 1..MAX_TERM_WORDS consecutive words of a text. */
function postingPhrases(text: string): Set<string> {
  const textWords = words(text);
  const phrases = new Set<string>();
  for (let start = 0; start < textWords.length; start++) {
    let phrase = '';
    for (let end = start; end < Math.min(textWords.length, start + MAX_TERM_WORDS); end++) {
      phrase = end === start ? textWords[end]! : `${phrase} ${textWords[end]}`;
      phrases.add(phrase);
    }
  }
  return phrases;
}
