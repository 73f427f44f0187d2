import { mkdir } from 'node:fs/promises';
import { EventEmitter } from 'node:events';

import type { PGlite, Results } from '@electric-sql/pglite';

/**
 * A pg-compatible driver module over PGlite, so TypeORM's `postgres` driver runs on embedded Postgres:
 * pass `createPgliteDriver(...)` as `driver` in the DataSource options.
 *
 * PGlite is one database session. The pool therefore owns exactly one client and lends it to one borrower
 * at a time; other borrowers wait in a queue. A transaction opened by one borrower can never see another
 * borrower's statements, and a borrower that gives the client back with a transaction still open has it
 * rolled back before the next borrower gets it.
 */

/** Where the embedded database lives: a folder on disk, memory only (null), or an instance the caller owns. */
export type PgliteSource = { dataDir: string | null } | { instance: PGlite };

/** The shape of a pg query result that TypeORM reads. */
export interface PgQueryResult<Row = Record<string, unknown>> {
  command: string;
  rowCount: number | null;
  rows: Row[];
  fields: Array<{ name: string; dataTypeID: number }>;
}

type QueryCallback = (error: Error | null, result?: PgQueryResult | PgQueryResult[]) => void;
type QueryConfig = { text: string; values?: unknown[] };
type ReleaseFunction = (error?: Error | boolean) => void;
type ConnectCallback = (error: Error | null, client?: PgliteClient, release?: ReleaseFunction) => void;

/** The module object TypeORM expects in place of `require('pg')`. */
export interface PgCompatibleDriver {
  Pool: new (options?: Record<string, unknown>) => PglitePool;
}

// pg returns int8 as text (it may not fit a JS number); PGlite would return a number or a bigint.
const INT8_TYPE_ID = 20;
const PG_COMPATIBLE_PARSERS = { [INT8_TYPE_ID]: (text: string) => text };

export function createPgliteDriver(source: PgliteSource): PgCompatibleDriver {
  class BoundPglitePool extends PglitePool {
    constructor(options: Record<string, unknown> = {}) {
      super(source, options);
    }
  }
  return { Pool: BoundPglitePool };
}

/** Opens the database described by the source; the caller owns (and closes) the result. */
export async function openPglite(dataDir: string | null): Promise<PGlite> {
  // Loaded on demand so that users of a real PostgreSQL never pay for the WASM module.
  const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
  // PGlite creates only the last folder of the path; a fresh machine has none of its parents.
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // Options object form: with an undefined first argument PGlite would ignore the second one.
  const database = new PGliteClass({ ...(dataDir ? { dataDir } : {}), parsers: PG_COMPATIBLE_PARSERS });
  await database.waitReady;
  return database;
}

export class PglitePool extends EventEmitter {
  private database: Promise<PGlite> | null = null;
  private readonly ownsDatabase: boolean;
  private client: PgliteClient | null = null;
  private borrowed = false;
  private readonly waiting: Array<(error: Error | null) => void> = [];
  private ending = false;
  private ended = false;

  constructor(
    private readonly source: PgliteSource,
    readonly options: Record<string, unknown> = {},
  ) {
    super();
    this.ownsDatabase = !('instance' in source);
  }

  get totalCount(): number {
    return this.client ? 1 : 0;
  }

  get idleCount(): number {
    return this.client && !this.borrowed ? 1 : 0;
  }

  get waitingCount(): number {
    return this.waiting.length;
  }

  connect(): Promise<PgliteClient>;
  connect(callback: ConnectCallback): void;
  connect(callback?: ConnectCallback): Promise<PgliteClient> | void {
    const lease = this.borrow();
    if (!callback) return lease.then(({ client }) => client);
    lease.then(
      ({ client, release }) => callback(null, client, release),
      (error: Error) => callback(error),
    );
  }

  /** Runs one statement on a borrowed client, like pg's `pool.query`. */
  async query<Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<PgQueryResult<Row>> {
    const { client, release } = await this.borrow();
    try {
      return await client.query<Row>(text, values);
    } finally {
      release();
    }
  }

  end(): Promise<void>;
  end(callback: (error?: Error) => void): void;
  end(callback?: (error?: Error) => void): Promise<void> | void {
    const closing = this.close();
    if (!callback) return closing;
    closing.then(
      () => callback(),
      (error: Error) => callback(error),
    );
  }

  private async close(): Promise<void> {
    if (this.ending) throw new Error('Called end on pool more than once');
    this.ending = true;
    // A borrower that is mid-transaction finishes first; queued borrowers still get their turn.
    while (this.borrowed || this.waiting.length > 0) {
      await new Promise<void>((resolve) => this.once('idle', resolve));
    }
    this.ended = true;
    if (this.database && this.ownsDatabase) {
      const database = await this.database;
      if (!database.closed) await database.close();
    }
    this.emit('end');
  }

  private async borrow(): Promise<{ client: PgliteClient; release: ReleaseFunction }> {
    if (this.ending || this.ended) {
      throw new Error('Cannot use a pool after calling end on the pool');
    }
    const client = await this.ensureClient();
    if (this.borrowed) {
      await new Promise<void>((resolve, reject) => this.waiting.push((error) => (error ? reject(error) : resolve())));
    }
    this.borrowed = true;
    let released = false;
    const release: ReleaseFunction = () => {
      if (released) throw new Error('Release called on client which has already been released to the pool.');
      released = true;
      void this.giveBack(client);
    };
    // pg-pool hands the release function out both ways: as the callback argument and as client.release.
    client.release = release;
    this.emit('acquire', client);
    return { client, release };
  }

  private async giveBack(client: PgliteClient): Promise<void> {
    try {
      if (client.inTransaction) await client.query('ROLLBACK');
    } catch (error) {
      if (this.listenerCount('error') > 0) this.emit('error', error as Error, client);
    }
    this.emit('release', undefined, client);
    const next = this.waiting.shift();
    if (next) {
      next(null);
      return;
    }
    this.borrowed = false;
    this.emit('idle');
  }

  private async ensureClient(): Promise<PgliteClient> {
    if (!this.database) {
      this.database = 'instance' in this.source ? Promise.resolve(this.source.instance) : openPglite(this.source.dataDir);
      // A failed start must not poison the pool forever: the next connect tries again.
      this.database.catch(() => {
        this.database = null;
      });
    }
    const database = await this.database;
    if (!this.client) {
      this.client = new PgliteClient(database);
      this.emit('connect', this.client);
    }
    return this.client;
  }
}

/** The single session, with the subset of pg's Client API that TypeORM and the stores use. */
export class PgliteClient extends EventEmitter {
  private transactionOpen = false;
  /** Gives the client back to its pool; replaced on every checkout. */
  release: ReleaseFunction = () => {
    throw new Error('Release called on a client that is not checked out of a pool.');
  };

  constructor(private readonly database: PGlite) {
    super();
  }

  /** True between BEGIN/START TRANSACTION and COMMIT/ROLLBACK, as seen from this session's statements. */
  get inTransaction(): boolean {
    return this.transactionOpen;
  }

  query<Row = Record<string, unknown>>(textOrConfig: string | QueryConfig, values?: unknown[]): Promise<PgQueryResult<Row>>;
  query(textOrConfig: string | QueryConfig, callback: QueryCallback): void;
  query(textOrConfig: string | QueryConfig, values: unknown[] | undefined, callback: QueryCallback): void;
  query<Row>(
    textOrConfig: string | QueryConfig,
    valuesOrCallback?: unknown[] | QueryCallback,
    maybeCallback?: QueryCallback,
  ): Promise<PgQueryResult<Row>> | void {
    const text = typeof textOrConfig === 'string' ? textOrConfig : textOrConfig.text;
    const callback = typeof valuesOrCallback === 'function' ? valuesOrCallback : maybeCallback;
    const values =
      (Array.isArray(valuesOrCallback) ? valuesOrCallback : undefined) ??
      (typeof textOrConfig === 'string' ? undefined : textOrConfig.values);
    const running = this.run(text, values);
    if (!callback) return running as Promise<PgQueryResult<Row>>;
    running.then(
      (result) => callback(null, result),
      (error: Error) => callback(error),
    );
  }

  private async run(text: string, values: unknown[] | undefined): Promise<PgQueryResult> {
    const onNotice = (notice: unknown) => this.emit('notice', notice);
    if (values && values.length > 0) {
      const result = await this.database.query<Record<string, unknown>>(text, values, { onNotice });
      return this.track(toPgResult(result, text));
    }
    // Without parameters pg uses the simple protocol, which allows several statements in one string.
    const results = await this.database.exec(text, { onNotice });
    const converted = results.map((result) => this.track(toPgResult(result, text)));
    if (converted.length === 1) return converted[0];
    if (converted.length === 0) return { command: statementCommand(text), rowCount: null, rows: [], fields: [] };
    return converted as unknown as PgQueryResult;
  }

  private track(result: PgQueryResult): PgQueryResult {
    if (result.command === 'BEGIN' || result.command === 'START') this.transactionOpen = true;
    if (result.command === 'COMMIT' || result.command === 'ROLLBACK') this.transactionOpen = false;
    return result;
  }
}

const ROW_COUNTING_COMMANDS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'COPY', 'FETCH', 'MOVE']);

function toPgResult(result: Results<Record<string, unknown>>, text: string): PgQueryResult {
  const command = (result.command ?? statementCommand(text)).toUpperCase();
  let rowCount: number | null = null;
  if (ROW_COUNTING_COMMANDS.has(command)) {
    // Newer PGlite reports the per-statement count; older ones only the cumulative affectedRows.
    rowCount = result.rowCount ?? (command === 'SELECT' ? result.rows.length : (result.affectedRows ?? 0));
  }
  return {
    command,
    rowCount,
    rows: result.rows,
    fields: result.fields.map((field) => ({ name: field.name, dataTypeID: field.dataTypeID })),
  };
}

/**
 * The command tag pg would report, read from the statement itself: the first keyword after comments,
 * except that a WITH query reports the data-modifying verb of its main statement.
 */
export function statementCommand(text: string): string {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--[^\n]*/g, ' ');
  const firstWord = /^[\s(;]*([A-Za-z]+)/.exec(withoutComments)?.[1]?.toUpperCase() ?? '';
  if (firstWord === 'WITH') {
    // Collapse the CTE bodies (innermost parentheses first); the first verb left is the main statement's.
    let mainStatement = withoutComments.replace(/'(?:[^']|'')*'/g, "''");
    for (let previous = ''; previous !== mainStatement;) {
      previous = mainStatement;
      mainStatement = mainStatement.replace(/\([^()]*\)/g, ' ');
    }
    return /\b(INSERT|UPDATE|DELETE|MERGE|SELECT)\b/i.exec(mainStatement)?.[1]?.toUpperCase() ?? 'SELECT';
  }
  if (firstWord === 'START') return 'BEGIN';
  if (firstWord === 'END') return 'COMMIT';
  if (firstWord === 'ABORT') return 'ROLLBACK';
  if (firstWord === 'VALUES' || firstWord === 'TABLE') return 'SELECT';
  return firstWord;
}
