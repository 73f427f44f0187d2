import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { CatalogIndex, loadSeedCatalog, type Catalog } from '@jdpipe/catalog';
import { readEscoDirectory, readOnetDirectory, type ImportBatch } from '@jdpipe/catalog-import';
import { parseJobDescription } from '@jdpipe/jd-parsing';
import { CatalogImportStore, CatalogStore, createDataSource } from '@jdpipe/persistence';
import { RoleMatcher } from '@jdpipe/role-matching';
import { roleMatchInputOf, type PostingSubmission } from '@jdpipe/pipeline-stages';
import { prepareDatabase } from '@jdpipe/runtime';
import { resolveSkills, SkillMatcher } from '@jdpipe/skill-matching';
import type { RunSkill } from '@jdpipe/contracts';

import { formatMs } from '../report/run-report.renderer';
import type { BenchCorpus } from './real-postings-corpus';

export interface CatalogScaleReport {
  sources: string[];
  catalog: { skills: number; skillAliases: number; roles: number; roleAliases: number };
  importMs: number;
  catalogLoadMs: number;
  skillMatcherBuildMs: number;
  roleMatcherBuildMs: number;
  /** What the catalog and both matchers hold: heap growth from before the import to after the build, each after a full collection. */
  heapUsedMb: number;
  corpus: string;
  /** `timedToo`: the corpus had too few postings to spare, so the warm-up used the first timed ones. */
  warmUp: { postings: number; timedToo: boolean };
  timedPasses: number;
  postings: number;
  rejected: number;
  kilobytes: number;
  /** Over all postings: total match time / total KB, in the median pass. */
  matchMsPerKb: number;
  /** The same figure for every timed pass, in the order they ran. */
  passMatchMsPerKb: number[];
  /**
   * Each posting's fastest match over the passes, summed, per KB. A busy neighbour on a shared machine slows
   * whole passes; it rarely slows one posting in every pass, so this figure moves least from run to run.
   */
  fastestMatchMsPerKb: number;
  /**
   * Each stage's own fastest-pass figure: per posting and stage, the fastest of the passes, summed, per KB. The
   * skill matcher is scan + resolve; the role matcher is the role match.
   */
  fastestStageMsPerKb: StageTimes;
  /** Per posting, ms per KB of its own text. */
  perPostingMsPerKb: { p50: number; p99: number; max: number };
  stageMsPerKb: StageTimes;
  parseMsPerKb: number;
  /** Collector pauses during the reported pass (its parsing included), per KB: young and old generation. */
  gcMsPerKb: { minor: number; major: number };
  /** What the postings came out with: the noise a large taxonomy can add. */
  skills: SkillNoise;
}

export interface SkillNoise {
  /** Catalog skills (not proposals) per posting. */
  perPosting: number;
  /** Share of them whose every mention is in the company blurb or the benefits. */
  onlyInBackground: number;
  /** Share of them that only an imported taxonomy knows (not in the seed catalog). */
  taxonomyOnly: number;
}

/** Postings matched untimed before the timed passes. */
const WARM_UP_POSTINGS = 100;
/** Timed passes over the same postings; the median one is reported, and each posting's fastest. */
const TIMED_PASSES = 5;

// Sections about the employer rather than the job.
const BACKGROUND_SECTIONS = new Set(['company', 'benefits']);

/**
 * Matching with a real taxonomy loaded: imports ESCO and/or O*NET into an in-memory database, loads the
 * catalog the way the pipeline does, builds both matchers, then times scan + resolve + role match over real
 * postings (parsing timed apart: it does not depend on the catalog).
 */
export async function benchmarkCatalogScale(
  dirs: { esco?: string; onet?: string },
  corpus: BenchCorpus,
  limit: number,
  seedDir?: string,
): Promise<CatalogScaleReport> {
  // The corpus is already in memory: the figure is the growth. The import batches and the database are
  // released before the heap is read again.
  const heapBeforeMb = heapUsedAfterCollectionMb();
  const { sources, importMs, catalog, catalogReadMs } = await importAndLoad(dirs, seedDir);
  const indexStarted = performance.now();
  const index = new CatalogIndex(catalog);
  const catalogLoadMs = catalogReadMs + performance.now() - indexStarted;
  const skillStarted = performance.now();
  const skillMatcher = SkillMatcher.build(catalog);
  const skillMatcherBuildMs = performance.now() - skillStarted;
  const roleStarted = performance.now();
  const roleMatcher = RoleMatcher.build(index);
  const roleMatcherBuildMs = performance.now() - roleStarted;
  const heapUsedMb = heapUsedAfterCollectionMb() - heapBeforeMb;

  const seedSkills = new Set(loadSeedCatalog(seedDir).catalog.skills.map((skill) => skill.slug));
  const measured = corpus.postings.slice(0, limit);
  // A running service is warm: the first postings would otherwise time the JIT compiling the matchers. The
  // warm-up takes postings that are not timed when the corpus has enough of them.
  const spare = corpus.postings.slice(limit, limit + WARM_UP_POSTINGS);
  const warmUpIsSpare = spare.length === WARM_UP_POSTINGS;
  const matchPosting = postingMatcher(skillMatcher, roleMatcher, index);
  for (const posting of warmUpIsSpare ? spare : measured.slice(0, WARM_UP_POSTINGS)) matchPosting(posting);
  // Timings on a shared machine wander from pass to pass: the median pass (all time the same postings) is reported.
  const collections = new CollectionLog();
  const passes = Array.from({ length: TIMED_PASSES }, () => timePass(measured, matchPosting));
  await collections.stop();
  const passMatchMs = passes.map(matchMsOf);
  const fastestMatchMs = sumOfFastest(passes, ({ scan, resolve, roleMatch }) => scan + resolve + roleMatch);
  const fastestStageMs: StageTimes = {
    scan: sumOfFastest(passes, (times) => times.scan),
    resolve: sumOfFastest(passes, (times) => times.resolve),
    roleMatch: sumOfFastest(passes, (times) => times.roleMatch),
  };
  const pass = [...passes].sort((left, right) => matchMsOf(left) - matchMsOf(right))[TIMED_PASSES >> 1];
  const noise = { skills: 0, onlyInBackground: 0, taxonomyOnly: 0 };
  for (const skills of pass.skillsByPosting) {
    for (const skill of skills.filter((candidate) => candidate.status === 'in_catalog')) {
      noise.skills++;
      if (skill.evidence.every((item) => item.section !== null && BACKGROUND_SECTIONS.has(item.section))) noise.onlyInBackground++;
      if (!seedSkills.has(skill.slug)) noise.taxonomyOnly++;
    }
  }
  const { stageMs, msPerKb } = pass;
  const perKb = (ms: number) => (pass.bytes === 0 ? 0 : ms / (pass.bytes / 1024));
  const sorted = [...msPerKb].sort((left, right) => left - right);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0;
  return {
    sources,
    catalog: {
      skills: catalog.skills.length,
      skillAliases: catalog.skills.reduce((sum, skill) => sum + skill.aliases.length, 0),
      roles: catalog.roles.length,
      roleAliases: catalog.roles.reduce((sum, role) => sum + role.aliases.length, 0),
    },
    importMs,
    catalogLoadMs,
    skillMatcherBuildMs,
    roleMatcherBuildMs,
    heapUsedMb,
    corpus: corpus.name,
    warmUp: { postings: warmUpIsSpare ? spare.length : Math.min(WARM_UP_POSTINGS, measured.length), timedToo: !warmUpIsSpare },
    timedPasses: TIMED_PASSES,
    postings: msPerKb.length,
    rejected: pass.rejected,
    kilobytes: pass.bytes / 1024,
    matchMsPerKb: perKb(matchMsOf(pass)),
    passMatchMsPerKb: passMatchMs.map(perKb),
    fastestMatchMsPerKb: perKb(fastestMatchMs),
    fastestStageMsPerKb: {
      scan: perKb(fastestStageMs.scan),
      resolve: perKb(fastestStageMs.resolve),
      roleMatch: perKb(fastestStageMs.roleMatch),
    },
    perPostingMsPerKb: { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 },
    stageMsPerKb: { scan: perKb(stageMs.scan), resolve: perKb(stageMs.resolve), roleMatch: perKb(stageMs.roleMatch) },
    parseMsPerKb: perKb(pass.parseMs),
    gcMsPerKb: { minor: perKb(collections.pauseMs('minor', pass)), major: perKb(collections.pauseMs('major', pass)) },
    skills: {
      perPosting: msPerKb.length === 0 ? 0 : noise.skills / msPerKb.length,
      onlyInBackground: noise.skills === 0 ? 0 : noise.onlyInBackground / noise.skills,
      taxonomyOnly: noise.skills === 0 ? 0 : noise.taxonomyOnly / noise.skills,
    },
  };
}

/** Imports the taxonomies into an in-memory database over the seed catalog and loads the catalog back. */
async function importAndLoad(
  dirs: { esco?: string; onet?: string },
  seedDir: string | undefined,
): Promise<{ sources: string[]; importMs: number; catalog: Catalog; catalogReadMs: number }> {
  const batches: ImportBatch[] = [];
  const importStarted = performance.now();
  if (dirs.esco) batches.push(await readEscoDirectory(dirs.esco, {}));
  if (dirs.onet) batches.push(await readOnetDirectory(dirs.onet, {}));
  const dataSource = await createDataSource({ kind: 'pglite', dataDir: null });
  try {
    await prepareDatabase(dataSource, seedDir);
    for (const batch of batches) await new CatalogImportStore(dataSource).importBatch(batch);
    const importMs = performance.now() - importStarted;
    const readStarted = performance.now();
    const catalog = await new CatalogStore(dataSource).loadCatalog();
    return {
      sources: batches.map((batch) => `${batch.source} ${batch.release}`),
      importMs,
      catalog,
      catalogReadMs: performance.now() - readStarted,
    };
  } finally {
    await dataSource.destroy();
  }
}

export function renderCatalogScaleReport(report: CatalogScaleReport): string {
  const ms = (value: number) => `${value.toFixed(3)} ms/KB`;
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  return (
    [
      `taxonomies ${report.sources.join(' + ') || 'none (seed catalog only)'}`,
      `catalog    ${report.catalog.skills} skills (${report.catalog.skillAliases} aliases), ${report.catalog.roles} roles (${report.catalog.roleAliases} aliases)`,
      `import     ${formatMs(report.importMs)} (read + migrate + seed sync + merge, in memory)`,
      `load       ${formatMs(report.catalogLoadMs)} catalog load`,
      `build      SkillMatcher ${formatMs(report.skillMatcherBuildMs)}, RoleMatcher ${formatMs(report.roleMatcherBuildMs)}`,
      `heap       ${report.heapUsedMb.toFixed(0)} MB for the catalog and both matchers (heap growth over import + build, after full collections)`,
      `postings   ${report.postings} matched (${report.rejected} rejected by the parser), ${report.kilobytes.toFixed(0)} KB, from ${report.corpus}; ` +
        `median of ${report.timedPasses} timed passes, after ${report.warmUp.postings} warm-up postings${report.warmUp.timedToo ? ' (the first timed ones)' : ' (not among the timed)'}`,
      `match      ${ms(report.matchMsPerKb)} overall; per posting p50 ${ms(report.perPostingMsPerKb.p50)}, p99 ${ms(report.perPostingMsPerKb.p99)}, max ${ms(report.perPostingMsPerKb.max)}`,
      `passes     ${report.passMatchMsPerKb.map((value) => value.toFixed(3)).join(', ')} ms/KB; ${ms(report.fastestMatchMsPerKb)} counting each posting's fastest pass`,
      `stages     scan ${ms(report.stageMsPerKb.scan)}, resolve ${ms(report.stageMsPerKb.resolve)}, role match ${ms(report.stageMsPerKb.roleMatch)} (parse ${ms(report.parseMsPerKb)}, not counted)`,
      `fastest    scan ${ms(report.fastestStageMsPerKb.scan)}, resolve ${ms(report.fastestStageMsPerKb.resolve)}, role match ${ms(report.fastestStageMsPerKb.roleMatch)} (each posting's fastest pass, stage by stage)`,
      `gc         ${ms(report.gcMsPerKb.minor)} young-generation and ${ms(report.gcMsPerKb.major)} old-generation pauses during the pass, parsing included`,
      `skills     ${report.skills.perPosting.toFixed(1)} catalog skills per posting; ${percent(report.skills.onlyInBackground)} only in the company blurb or benefits, ` +
        `${percent(report.skills.taxonomyOnly)} known only to the imported taxonomies`,
    ].join('\n') + '\n'
  );
}

/** The three timed steps of matching one posting, in ms (or ms per KB). */
interface StageTimes {
  scan: number;
  resolve: number;
  roleMatch: number;
}

interface TimedPass {
  /** `performance.now()` at the start and end of the pass. */
  startedAt: number;
  endedAt: number;
  stageMs: StageTimes;
  parseMs: number;
  bytes: number;
  rejected: number;
  /** Per matched posting: (scan + role match + resolve) ms per KB of its own text. */
  msPerKb: number[];
  /** Per matched posting: each stage's ms. */
  postingStageMs: StageTimes[];
  skillsByPosting: RunSkill[][];
}

interface PostingTimes {
  parseMs: number;
  /** Null when the parser rejected the posting. */
  stageMs: StageTimes | null;
  skills: RunSkill[];
}

/** Parses and matches one posting the way the pipeline stages do, timing each step. */
function postingMatcher(
  skillMatcher: SkillMatcher,
  roleMatcher: RoleMatcher,
  index: CatalogIndex,
): (posting: PostingSubmission) => PostingTimes {
  return (posting) => {
    const parseStarted = performance.now();
    const outcome = parseJobDescription({
      description: posting.description,
      title: posting.title ?? null,
      location: posting.location ?? null,
    });
    const parseMs = performance.now() - parseStarted;
    if (!outcome.ok) return { parseMs, stageMs: null, skills: [] };
    const { parsed } = outcome;
    const t0 = performance.now();
    const scan = skillMatcher.scan(posting.description, parsed.sections, parsed.sentences);
    const t1 = performance.now();
    const decision = roleMatcher.match(roleMatchInputOf(parsed, posting.description, scan.mentions));
    const t2 = performance.now();
    const { skills } = resolveSkills({
      scan,
      description: posting.description,
      sections: parsed.sections,
      catalog: index,
      chosenRoleSlug: decision.role && !decision.role.isNew ? decision.role.slug : null,
      title: parsed.title,
    });
    const t3 = performance.now();
    return { parseMs, stageMs: { scan: t1 - t0, roleMatch: t2 - t1, resolve: t3 - t2 }, skills };
  };
}

function timePass(postings: readonly PostingSubmission[], matchPosting: (posting: PostingSubmission) => PostingTimes): TimedPass {
  const pass: TimedPass = {
    startedAt: performance.now(),
    endedAt: 0,
    stageMs: { scan: 0, resolve: 0, roleMatch: 0 },
    parseMs: 0,
    bytes: 0,
    rejected: 0,
    msPerKb: [],
    postingStageMs: [],
    skillsByPosting: [],
  };
  for (const posting of postings) {
    const times = matchPosting(posting);
    pass.parseMs += times.parseMs;
    if (!times.stageMs) {
      pass.rejected++;
      continue;
    }
    const { scan, roleMatch, resolve } = times.stageMs;
    pass.stageMs.scan += scan;
    pass.stageMs.roleMatch += roleMatch;
    pass.stageMs.resolve += resolve;
    const bytes = Buffer.byteLength(posting.description, 'utf8');
    pass.bytes += bytes;
    pass.msPerKb.push((scan + roleMatch + resolve) / (bytes / 1024));
    pass.postingStageMs.push(times.stageMs);
    pass.skillsByPosting.push(times.skills);
  }
  pass.endedAt = performance.now();
  return pass;
}

/** A `gc` performance entry: `detail.kind` says which collector ran. */
type GcEntry = PerformanceEntry & { detail?: { kind?: number } };

/** Garbage collections seen while it runs, so a pass can be told what its collector pauses cost. */
export class CollectionLog {
  private readonly entries: PerformanceEntry[] = [];
  private readonly observer = new PerformanceObserver((list) => this.entries.push(...list.getEntries()));

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /**
   * Entries are queued after the collection, on later turns of the event loop, and delivered later still: wait
   * two turns, take what is queued but not yet delivered, then stop.
   */
  async stop(): Promise<void> {
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    this.entries.push(...this.observer.takeRecords());
    this.observer.disconnect();
  }

  /** Pause time of one kind of collection that started within the pass. */
  pauseMs(kind: 'minor' | 'major', pass: Pick<TimedPass, 'startedAt' | 'endedAt'>): number {
    const wanted = kind === 'minor' ? constants.NODE_PERFORMANCE_GC_MINOR : constants.NODE_PERFORMANCE_GC_MAJOR;
    return this.entries
      .filter((entry) => (entry as GcEntry).detail?.kind === wanted)
      .filter((entry) => entry.startTime >= pass.startedAt && entry.startTime < pass.endedAt)
      .reduce((sum, entry) => sum + entry.duration, 0);
  }
}

/** Each posting's fastest time over the passes, as `timeOf` reads it from the posting's stage times, summed. */
function sumOfFastest(passes: readonly TimedPass[], timeOf: (times: StageTimes) => number): number {
  return passes[0].postingStageMs.reduce(
    (sum, _, posting) => sum + Math.min(...passes.map((timed) => timeOf(timed.postingStageMs[posting]))),
    0,
  );
}

function matchMsOf(pass: TimedPass): number {
  return pass.stageMs.scan + pass.stageMs.resolve + pass.stageMs.roleMatch;
}

/** Heap in use after a full collection, so the figure does not depend on when the last one ran. */
function heapUsedAfterCollectionMb(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed / 2 ** 20;
}
