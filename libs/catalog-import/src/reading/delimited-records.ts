import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';

import type { ImportProblem } from '../import-batch';

/** One data row keyed by header name, with the line it starts on. */
export interface SourceRow {
  line: number;
  get(column: string): string;
}

/** The columns a file must have; looked up case-insensitively, so `preferredLabel` = `PREFERREDLABEL`. */
export interface RowReadOptions {
  required: string[];
  problems: ImportProblem[];
  onRow?: (rowsRead: number) => void;
}

/**
 * Streams the data rows of an RFC 4180 CSV file (quoted cells may hold commas, quotes and newlines). A row
 * with the wrong number of cells or broken quoting is reported and skipped; the rest of the file is read.
 * A missing required column is one problem for the whole file, which then yields nothing.
 */
export async function* readCsvRows(path: string, options: RowReadOptions): AsyncGenerator<SourceRow> {
  yield* keyedRows(path, csvRecords(path), options);
}

/** Streams the data rows of a tab-separated text file (O*NET: no quoting, one record a line). */
export async function* readTsvRows(path: string, options: RowReadOptions): AsyncGenerator<SourceRow> {
  yield* keyedRows(path, tsvRecords(path), options);
}

interface RawRecord {
  line: number;
  cells: string[];
  /** Set when the record could not be split reliably. */
  defect?: string;
}

async function* keyedRows(path: string, records: AsyncIterable<RawRecord>, options: RowReadOptions): AsyncGenerator<SourceRow> {
  const file = basename(path);
  let columns: Map<string, number> | null = null;
  let width = 0;
  let rowsRead = 0;
  for await (const record of records) {
    if (!columns) {
      width = record.cells.length;
      columns = new Map(record.cells.map((name, index) => [name.trim().toLowerCase(), index]));
      const missing = options.required.filter((name) => !columns?.has(name.toLowerCase()));
      if (missing.length > 0) {
        options.problems.push({ file, line: record.line, message: `missing column(s) ${missing.join(', ')}: file skipped` });
        return;
      }
      continue;
    }
    if (record.cells.length === 1 && record.cells[0].trim() === '' && !record.defect) continue;
    rowsRead += 1;
    options.onRow?.(rowsRead);
    if (record.defect) {
      options.problems.push({ file, line: record.line, message: `${record.defect}: row skipped` });
      continue;
    }
    if (record.cells.length !== width) {
      options.problems.push({ file, line: record.line, message: `expected ${width} cells, found ${record.cells.length}: row skipped` });
      continue;
    }
    const cells = record.cells;
    const index = columns;
    yield {
      line: record.line,
      get: (column: string) => {
        const at = index.get(column.toLowerCase());
        return at === undefined ? '' : cells[at];
      },
    };
  }
  if (!columns) options.problems.push({ file, line: 0, message: 'empty file: no header row' });
}

async function* tsvRecords(path: string): AsyncGenerator<RawRecord> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    const clean = line === 1 ? text.replace(/^\uFEFF/, '') : text;
    yield { line, cells: clean.split('\t') };
  }
}

async function* csvRecords(path: string): AsyncGenerator<RawRecord> {
  const tokenizer = new CsvTokenizer(1);
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    yield* tokenizer.push(chunk as string);
  }
  yield* tokenizer.end();
}

/**
 * Splits CSV text into records incrementally. Broken quoting is flagged on the record instead of thrown; a
 * quote left open at the end of the file would swallow every following row, so those lines are read again
 * as records of their own after the broken one is reported.
 */
export class CsvTokenizer {
  private cells: string[] = [];
  private cell = '';
  private quoted = false;
  private afterClosingQuote = false;
  private defect: string | undefined;
  private recordLine: number;
  private line: number;
  private raw = '';
  private pendingCarriageReturn = false;
  private started = false;

  constructor(firstLine: number) {
    this.recordLine = firstLine;
    this.line = firstLine;
  }

  *push(chunk: string): Generator<RawRecord> {
    let text = chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (this.pendingCarriageReturn) {
        this.pendingCarriageReturn = false;
        if (char === '\n') continue;
      }
      this.raw += char;
      if (this.quoted) {
        if (char === '"') {
          if (text[i + 1] === '"') {
            this.cell += '"';
            this.raw += '"';
            i++;
          } else {
            // At the end of a chunk this may still be the first half of a doubled quote: see below.
            this.quoted = false;
            this.afterClosingQuote = true;
          }
        } else {
          if (char === '\n' || char === '\r') this.line += 1;
          if (char === '\r' && text[i + 1] === '\n') {
            this.cell += '\r\n';
            this.raw += '\n';
            i++;
            continue;
          }
          this.cell += char;
        }
        continue;
      }
      if (char === '"') {
        if (this.afterClosingQuote && this.raw.endsWith('""')) {
          // The second half of a doubled quote split across chunks.
          this.cell += '"';
          this.quoted = true;
          this.afterClosingQuote = false;
        } else if (this.cell === '' && !this.afterClosingQuote) {
          this.quoted = true;
        } else {
          this.defect ??= 'stray quote inside an unquoted cell';
          this.cell += char;
        }
      } else if (char === ',') {
        this.endCell();
      } else if (char === '\n' || char === '\r') {
        this.line += 1;
        if (char === '\r') this.pendingCarriageReturn = true;
        yield this.endRecord();
      } else {
        if (this.afterClosingQuote) this.defect ??= 'text after a closing quote';
        this.cell += char;
      }
    }
  }

  *end(): Generator<RawRecord> {
    if (this.quoted) {
      const brokenLine = this.recordLine;
      const rest = this.raw.slice(this.raw.indexOf('\n') + 1);
      const swallowed = this.raw.includes('\n');
      yield { line: brokenLine, cells: [], defect: 'quoted cell never closed' };
      if (swallowed) {
        const again = new CsvTokenizer(brokenLine + 1);
        again.started = true;
        yield* again.push(rest);
        yield* again.end();
      }
      return;
    }
    if (this.cell !== '' || this.cells.length > 0 || this.afterClosingQuote) yield this.endRecord();
  }

  private endCell(): void {
    this.cells.push(this.cell);
    this.cell = '';
    this.afterClosingQuote = false;
  }

  private endRecord(): RawRecord {
    this.endCell();
    const record: RawRecord = { line: this.recordLine, cells: this.cells, ...(this.defect ? { defect: this.defect } : {}) };
    this.cells = [];
    this.defect = undefined;
    this.raw = '';
    this.recordLine = this.line;
    return record;
  }
}
