import { join } from 'node:path';

import { loadEvalCases } from '@jdpipe/evaluation';

import { REAL_POSTING_SOURCES, type RealPosting } from '../real-postings/real-postings';

/** A posting as the gateway takes it (`POST /v1/postings`). */
export interface GatewayPosting {
  postingId: string;
  title?: string;
  description: string;
  location?: string;
  source?: string;
}

export interface PostingCorpus {
  /** Where the postings came from: the real-posting sources, or the repository's own cases. */
  origin: string;
  postings: GatewayPosting[];
}

export interface CorpusSelection {
  count: number;
  /** Skips this many postings of the fixed order first, so that two selections do not overlap. */
  skip?: number;
  /** Posting ids are `<idPrefix>-<position>`; distinct prefixes give distinct runs of the same text. */
  idPrefix: string;
}

// The gateway's DTO limits, and Express' default body limit (100 kB) for one request.
const MAX_FIELD_LENGTH = 500;
const MAX_POSTING_BYTES = 60_000;

let realPostings: RealPosting[] | null | undefined;

/**
 * `count` postings in a fixed order, so runs are comparable: the real postings of the shared data when present
 * (the sources interleaved, one posting of each in turn), otherwise the labelled cases and examples of this
 * repository repeated under varied posting ids.
 */
export function selectPostings(repoRoot: string, selection: CorpusSelection): PostingCorpus {
  const skip = selection.skip ?? 0;
  const real = loadRealPostings();
  if (real && real.length >= skip + selection.count) {
    return {
      origin: `real postings (${[...new Set(real.map((posting) => posting.source))].join(', ')})`,
      postings: real.slice(skip, skip + selection.count).map((posting, index) => ({
        postingId: `${selection.idPrefix}-${skip + index}`,
        ...(posting.title ? { title: posting.title } : {}),
        description: posting.description,
        ...(posting.location ? { location: posting.location } : {}),
        source: posting.source,
      })),
    };
  }
  const cases = repositoryPostings(repoRoot);
  return {
    origin: `repository cases repeated (${cases.length} distinct texts)`,
    postings: Array.from({ length: selection.count }, (_, index) => {
      const posting = cases[(skip + index) % cases.length]!;
      return { ...posting, postingId: `${selection.idPrefix}-${skip + index}` };
    }),
  };
}

function loadRealPostings(): RealPosting[] | null {
  if (realPostings !== undefined) return realPostings;
  const bySource = REAL_POSTING_SOURCES.filter((source) => source.path !== null).map((source) =>
    source.load(source.path!).filter(fitsTheGateway),
  );
  if (bySource.length === 0) return (realPostings = null);
  const interleaved: RealPosting[] = [];
  const longest = Math.max(...bySource.map((postings) => postings.length));
  for (let index = 0; index < longest; index++) {
    for (const postings of bySource) if (index < postings.length) interleaved.push(postings[index]!);
  }
  return (realPostings = interleaved);
}

function fitsTheGateway(posting: RealPosting): boolean {
  return (
    posting.description.trim().length > 0 &&
    (posting.title ?? '').length <= MAX_FIELD_LENGTH &&
    (posting.location ?? '').length <= MAX_FIELD_LENGTH &&
    Buffer.byteLength(posting.description) <= MAX_POSTING_BYTES
  );
}

function repositoryPostings(repoRoot: string): Array<Omit<GatewayPosting, 'postingId'>> {
  return loadEvalCases(join(repoRoot, 'eval', 'cases')).map((evalCase) => ({
    ...(evalCase.posting.title ? { title: evalCase.posting.title } : {}),
    description: evalCase.posting.description,
    ...(evalCase.posting.location ? { location: evalCase.posting.location } : {}),
    source: `eval-case:${evalCase.id}`,
  }));
}
