import { stat, mkdir, access, constants } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DuckDBConnection, DuckDBDataChunk, DuckDBInstance } from '@duckdb/node-api';
import { fail, isShopLensError } from '../../core/errors.js';
import type { RowOf, TableDef } from '../../model/index.js';
import { duckdbDialect } from '../duckdb-dialect.js';
import { WarehouseErrors as E } from '../errors.js';
import type { BulkLoadOptions, ResultRow, SqlValue, Warehouse } from '../warehouse.js';
import { convertValue } from './values.js';
import { duckdbTypeOfKind, toDuckDBColumn, toDuckDBParam } from './to-duckdb.js';

const CHUNK_ROWS = 2048;

export interface DuckDBOptions {
  /** DuckDB memory_limit, e.g. '2GB' */
  memoryLimit?: string;
  threads?: number;
  readOnly?: boolean;
  /** forbid reading or writing files other than the store (COPY, read_csv, ATTACH) */
  noExternalAccess?: boolean;
}

/** Opens (creating if needed) a file-backed DuckDB store, or ':memory:'. */
export async function openDuckDB(path: string, options: DuckDBOptions = {}): Promise<DuckDBWarehouse> {
  const location = path === ':memory:' ? path : resolve(path);
  if (location !== ':memory:') await checkPath(location, options.readOnly ?? false);
  const config: Record<string, string> = {};
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  if (options.threads) config.threads = String(options.threads);
  if (options.readOnly) config.access_mode = 'READ_ONLY';
  if (options.noExternalAccess) config.enable_external_access = 'false';
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(location, config);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    if (/lock/i.test(reason)) fail(E.WAREHOUSE_LOCKED, { path: location }, undefined, e);
    if (/permission|read-only|Read-only/i.test(reason)) fail(E.WAREHOUSE_NOT_WRITABLE, { path: location, reason }, undefined, e);
    fail(E.WAREHOUSE_CORRUPT, { path: location, reason: firstLine(reason) }, undefined, e);
  }
  const conn = await instance.connect();
  return new DuckDBWarehouse(instance, conn, location);
}

async function checkPath(path: string, readOnly: boolean): Promise<void> {
  const st = await stat(path).catch(() => undefined);
  if (st?.isDirectory()) fail(E.WAREHOUSE_PATH_IS_DIRECTORY, { path });
  if (readOnly) return;
  const dir = dirname(path);
  try {
    await mkdir(dir, { recursive: true });
    await access(st ? path : dir, constants.W_OK);
  } catch (e) {
    if (isShopLensError(e)) throw e;
    fail(E.WAREHOUSE_NOT_WRITABLE, { path, reason: (e as Error).message }, undefined, e);
  }
}

const firstLine = (s: string) => s.split('\n')[0] ?? s;

/**
 * A DuckDB connection runs one statement at a time: a second statement started while the first
 * is still executing closes the first one's pending result ("closed pending query result"), and
 * an appender flush does the same. The server answers several requests at once on one
 * warehouse, so every native call on a connection waits its turn here.
 */
class Turns {
  private last: Promise<unknown> = Promise.resolve();
  take<T>(fn: () => Promise<T> | T): Promise<T> {
    const next = this.last.then(fn, fn);
    this.last = next.catch(() => undefined);
    return next;
  }
}

/** the store's shared connection, a session's own connection (warehouse.ts `session`), or a transaction */
type ConnectionRole = 'shared' | 'session' | 'transaction';

export class DuckDBWarehouse implements Warehouse {
  readonly engine = 'duckdb' as const;
  readonly dialect = duckdbDialect;

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    readonly location: string,
    private readonly role: ConnectionRole = 'shared',
    private readonly turns = new Turns(),
  ) {}

  async query<R extends ResultRow = ResultRow>(sql: string, params: readonly SqlValue[] = []): Promise<R[]> {
    const reader = await this.run(sql, params);
    const names = reader.deduplicatedColumnNames();
    const types = reader.columnTypes();
    const columns = reader.getColumns();
    const rowCount = reader.currentRowCount;
    const rows: R[] = new Array(rowCount);
    for (let r = 0; r < rowCount; r++) {
      const row: ResultRow = {};
      for (let c = 0; c < names.length; c++) row[names[c]!] = convertValue(columns[c]![r]!, types[c]!);
      rows[r] = row as R;
    }
    return rows;
  }

  async exec(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    await this.run(sql, params);
  }

  private async run(sql: string, params: readonly SqlValue[]) {
    try {
      return await this.turns.take(() => (params.length > 0
        ? this.conn.runAndReadAll(sql, params.map(toDuckDBParam))
        : this.conn.runAndReadAll(sql)));
    } catch (e) {
      fail(E.WAREHOUSE_QUERY_FAILED, { reason: firstLine((e as Error).message) }, undefined, e);
    }
  }

  async bulkLoad<T extends TableDef>(
    table: T,
    rows: Iterable<RowOf<T>> | AsyncIterable<RowOf<T>>,
    options: BulkLoadOptions = {},
  ): Promise<number> {
    const cols = Object.entries(table.columns);
    const types = cols.map(([, c]) => duckdbTypeOfKind[c.kind]);
    const convert = cols.map(([, c]) => toDuckDBColumn[c.kind]);
    const names = cols.map(([n]) => n);
    const appender = await this.turns.take(() => this.conn.createAppender(options.into ?? table.name));
    const buffers: unknown[][] = names.map(() => []);
    let count = 0;
    const flush = async () => {
      const n = buffers[0]!.length;
      if (n === 0) return;
      const chunk = DuckDBDataChunk.create(types, n);
      for (let c = 0; c < names.length; c++) {
        const src = buffers[c]!;
        const conv = convert[c]!;
        chunk.setColumnValues(c, src.map((v) => (v === null || v === undefined ? null : conv(v))));
        buffers[c] = [];
      }
      await this.turns.take(() => appender.appendDataChunk(chunk));
    };
    try {
      for await (const row of rows as AsyncIterable<RowOf<T>>) {
        const rec = row as Record<string, unknown>;
        for (let c = 0; c < names.length; c++) buffers[c]!.push(rec[names[c]!]);
        if (++count % CHUNK_ROWS === 0) {
          await flush();
          if (options.onProgress && count % (CHUNK_ROWS * 16) === 0) options.onProgress(count);
        }
      }
      await flush();
      await this.turns.take(() => appender.flushSync());
    } catch (e) {
      if (isShopLensError(e)) throw e;
      fail(E.WAREHOUSE_QUERY_FAILED, { reason: `bulk load into ${options.into ?? table.name}: ${firstLine((e as Error).message)}` }, undefined, e);
    } finally {
      await this.turns.take(() => appender.closeSync());
    }
    options.onProgress?.(count);
    return count;
  }

  async transaction<T>(fn: (tx: Warehouse) => Promise<T>): Promise<T> {
    if (this.role === 'transaction') return fn(this);
    // A session's transaction runs on the session's own connection (its TEMP tables are seen).
    if (this.role === 'session') return this.begin(this.conn, this.turns, fn);
    return this.ownConnection((conn) => this.begin(conn, new Turns(), fn));
  }

  async session<T>(fn: (s: Warehouse) => Promise<T>): Promise<T> {
    if (this.role !== 'shared') return fn(this);
    return this.ownConnection((conn) => fn(new DuckDBWarehouse(this.instance, conn, this.location, 'session')));
  }

  queryProgress(): number | undefined {
    // read beside the running statement, not in its turn: the native call only reads a counter
    const p = this.conn.progress.percentage;
    return p >= 0 ? p / 100 : undefined;
  }

  async trackProgress(): Promise<void> {
    // DuckDB counts progress only with its progress bar on; printing it would write to our stdout
    await this.exec('SET enable_progress_bar = true');
    await this.exec('SET enable_progress_bar_print = false');
  }

  private async begin<T>(conn: DuckDBConnection, turns: Turns, fn: (tx: Warehouse) => Promise<T>): Promise<T> {
    const tx = new DuckDBWarehouse(this.instance, conn, this.location, 'transaction', turns);
    try {
      await turns.take(() => conn.run('BEGIN TRANSACTION'));
      const result = await fn(tx);
      await turns.take(() => conn.run('COMMIT'));
      return result;
    } catch (e) {
      await turns.take(() => conn.run('ROLLBACK')).catch(() => undefined);
      throw e;
    }
  }

  private async ownConnection<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const conn = await this.instance.connect();
    try {
      return await fn(conn);
    } finally {
      conn.closeSync();
    }
  }

  async close(): Promise<void> {
    if (this.role !== 'shared') return;
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
