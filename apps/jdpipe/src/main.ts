import 'reflect-metadata';

import { join } from 'node:path';
import { parseArgs } from 'node:util';

import type { INestApplicationContext } from '@nestjs/common';

import { PipelineError } from '@jdpipe/contracts';
import { CatalogRuntime } from '@jdpipe/pipeline-stages';
import { loadEmbeddedConfig, type EmbeddedConfig } from '@jdpipe/config';
import { loadLlmConfig, type LlmConfig } from '@jdpipe/llm';
import type { DatabaseTarget } from '@jdpipe/persistence';
import type { ReviewService } from '@jdpipe/review';

import { runKeysCommand } from './api-keys/api-keys.command';
import { runBatch } from './batch/batch.command';
import { runBenchCommand } from './bench/bench.command';
import { benchmarkCatalogScale, renderCatalogScaleReport } from './bench/catalog-scale.bench';
import { loadBenchCorpus } from './bench/real-postings-corpus';
import { importCatalog } from './catalog-import/catalog-import.command';
import { exportCatalog, importCatalogFile } from './catalog-transfer/catalog-transfer.command';
import { checkSeedCatalog } from './cli/catalog-check.command';
import { runOne } from './cli/run.command';
import { USAGE } from './cli/usage';
import { migrateDatabase } from './database/migrate.command';
import { startEmbeddedApp } from './embedded/embedded-app';
import { evaluateCases } from './evaluation/eval.command';
import { compareModes } from './evaluation/mode-comparison.command';
import { withRecordedModel } from './evaluation/recorded-model';
import { PostingSubmitter } from './ingest/posting-submitter';
import { formatMs } from './report/run-report.renderer';
import { parseRerunOptions, rerunCommand } from './rerun/rerun.command';
import { runReviewCommand } from './review/review.command';
import { serve } from './serve/serve.command';
import { evaluateTitles } from './title-evaluation/title-eval.command';
import { reviewServiceOf } from './review/review-service.factory';
import { withDeploymentReviewService } from './review/deployment-review';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      seed: { type: 'string' },
      corpus: { type: 'string' },
      limit: { type: 'string' },
      release: { type: 'string' },
      mode: { type: 'string' },
      by: { type: 'string' },
      kind: { type: 'string' },
      status: { type: 'string' },
      as: { type: 'string' },
      category: { type: 'string' },
      nature: { type: 'string' },
      into: { type: 'string' },
      top: { type: 'string' },
      esco: { type: 'string' },
      onet: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      live: { type: 'boolean', default: false },
      recordings: { type: 'string' },
      'fake-llm': { type: 'boolean', default: false },
      since: { type: 'string' },
      all: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (command === 'catalog' && args[0] === 'check') return checkSeedCatalog(values.seed);

  const config = loadEmbeddedConfig();
  if (command === 'eval' && args[0] === 'titles') {
    return evaluateTitles(requireArg(args[1], 'eval titles CSV'), databaseTarget(config), config.seedDir ?? undefined, {
      top: Number(values.top ?? 5),
      escoDir: values.esco ?? sharedDataDir('esco'),
      json: values.json,
    });
  }
  if (command === 'bench' && args[0] === 'catalog') {
    const corpus = loadBenchCorpus(values.corpus, join(process.cwd(), 'eval', 'cases'));
    const dirs =
      values.esco || values.onet
        ? { esco: values.esco, onet: values.onet }
        : { esco: sharedDataDir('esco'), onet: sharedDataDir('onet_27_0') };
    const report = await benchmarkCatalogScale(dirs, corpus, Number(values.limit ?? 300), config.seedDir ?? undefined);
    process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : renderCatalogScaleReport(report));
    return 0;
  }
  // eval and bench replay recorded model answers from a local server unless told to ask the provider.
  const modelMode = values.mode === 'llm' || values.mode === 'hybrid' ? (values.mode as 'llm' | 'hybrid') : null;
  const recordingsDir = values.recordings ?? join(process.cwd(), 'eval', 'llm-recordings');
  const benchOptions = { corpus: values.corpus, limit: Number(values.limit ?? 300), json: values.json };
  if (command === 'eval' && modelMode) {
    const casesPath = requireArg(args[0], 'eval DIR_OR_FILE');
    const options = { casesPath, mode: modelMode, live: values.live, recordingsDir, json: values.json };
    return compareModes(config, options, (text) => process.stdout.write(text));
  }
  if (command === 'bench' && values['fake-llm']) {
    const replay = { mode: modelMode ?? 'hybrid', recordingsDir, answerUnrecorded: true } as const;
    return withRecordedModel(replay, (llm) =>
      withPipeline({ ...config, dataDir: null }, llm, (submitter) =>
        runBenchCommand(submitter, benchOptions, (text) => process.stdout.write(text)),
      ),
    );
  }
  // --mode overrides JDPIPE_LLM_MODE; both are checked (a model mode needs OPENAI_API_KEY or OPENAI_BASE_URL).
  const llm = loadLlmConfig(values.mode === undefined ? process.env : { ...process.env, JDPIPE_LLM_MODE: values.mode });
  switch (command) {
    case 'run':
      return withPipeline(config, llm, (submitter) =>
        runOne(submitter, requireArg(args[0], 'run FILE|-'), { title: values.title, json: values.json }),
      );
    case 'batch':
      return withPipeline(config, llm, async (submitter) => {
        const summary = await runBatch(submitter, requireArg(args[0], 'batch FILE.jsonl'), values.out ?? null);
        process.stderr.write(
          `${summary.total} lines: ${summary.completed} completed, ${summary.rejected} rejected, ${summary.failed} failed, ` +
            `${summary.badLines} bad lines skipped in ${formatMs(summary.elapsedMs)}\n`,
        );
        return summary.failed > 0 ? 1 : 0;
      });
    case 'eval':
      return withPipeline(config, llm, async (submitter, app) => {
        const { index } = await app.get(CatalogRuntime).current();
        await evaluateCases(submitter, index, requireArg(args[0], 'eval DIR_OR_FILE'), values.json);
        return 0;
      });
    case 'bench':
      // Benchmarks always use a fresh in-memory database so figures do not depend on past runs.
      return withPipeline({ ...config, dataDir: null }, llm, (submitter) =>
        runBenchCommand(submitter, benchOptions, (text) => process.stdout.write(text)),
      );
    case 'review': {
      const reviewWith = (service: ReviewService): Promise<number> =>
        runReviewCommand(
          service,
          args,
          values,
          (text) => process.stdout.write(text),
          (text) => process.stderr.write(text),
        );
      // The Kafka deployment's database, announcing changes to its services; else through the embedded app,
      // so an approval reloads the matchers of this process as well.
      if (process.env.DATABASE_URL) return withDeploymentReviewService(process.env, (text) => process.stderr.write(text), reviewWith);
      return withPipeline(config, llm, (_submitter, app) => reviewWith(reviewServiceOf(app)));
    }
    case 'rerun':
      return rerunCommand(parseRerunOptions(values), process.env, config, llm, (text) => process.stdout.write(text));
    case 'serve':
      return serve(config, llm, { port: values.port, host: values.host, open: !values['no-open'] }, (text) => process.stdout.write(text));
    case 'keys':
      return runKeysCommand(
        databaseTarget(config),
        args,
        { name: values.name, role: values.role, json: values.json },
        (text) => process.stdout.write(text),
        (text) => process.stderr.write(text),
      );
    case 'db':
      if (args[0] !== 'migrate') break;
      return migrateDatabase(databaseTarget(config), config.seedDir ?? undefined);
    case 'catalog':
      if (args[0] === 'export') return exportCatalog(databaseTarget(config), config.seedDir ?? undefined);
      if (args[0] === 'import-file') {
        return importCatalogFile(requireArg(args[1], 'catalog import-file FILE|-'), databaseTarget(config), config.seedDir ?? undefined);
      }
      if (args[0] !== 'import') break;
      return importCatalog(
        requireArg(args[1], 'catalog import esco|onet DIR'),
        requireArg(args[2], 'catalog import esco|onet DIR'),
        databaseTarget(config),
        config.seedDir ?? undefined,
        { release: values.release },
      );
  }
  process.stderr.write(`unknown command: ${[command, ...args].join(' ')}\n\n${USAGE}`);
  return 2;
}

async function withPipeline(
  config: EmbeddedConfig,
  llm: LlmConfig,
  work: (submitter: PostingSubmitter, app: INestApplicationContext) => Promise<number>,
): Promise<number> {
  const app = await startEmbeddedApp(config, llm);
  try {
    return await work(app.get(PostingSubmitter), app);
  } finally {
    await app.close();
  }
}

/** The embedded database, or the service deployment's PostgreSQL when DATABASE_URL is set. */
function databaseTarget(config: EmbeddedConfig): DatabaseTarget {
  return process.env.DATABASE_URL
    ? { kind: 'postgres', url: process.env.DATABASE_URL, schema: process.env.DATABASE_SCHEMA || undefined }
    : { kind: 'pglite', dataDir: config.dataDir };
}

/** The shared data folder next to the repository (`../shared/data/NAME`), where CI keeps the taxonomy downloads. */
function sharedDataDir(name: string): string {
  return join(process.cwd(), '..', 'shared', 'data', name);
}

function requireArg(value: string | undefined, usage: string): string {
  if (!value) throw new PipelineError('INPUT.INVALID', `missing argument: jdpipe ${usage}`);
  return value;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const code = error instanceof PipelineError ? error.code : 'ERROR';
    process.stderr.write(`jdpipe: ${code}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
