import type { RowOf, TableDef } from '../model/index.js';
import type { Dialect } from './dialect.js';

/** A value bound to a query parameter. Days travel as 'YYYY-MM-DD' text, instants as Date. */
export type SqlValue = string | number | bigint | boolean | Date | null;

/**
 * A value read back. BIGINT/HUGEINT are bigint and DECIMAL is exact decimal text, never a
 * lossy float; DATE is 'YYYY-MM-DD'; TIMESTAMP is a Date.
 */
export type JsValue = string | number | bigint | boolean | Date | null | Uint8Array | JsValue[] | { [k: string]: JsValue };
export type ResultRow = Record<string, JsValue>;

export interface BulkLoadOptions {
  /** load into this table (a staging copy of `table`) instead of `table` itself */
  into?: string;
  /** called every few thousand rows with the count so far */
  onProgress?: (rows: number) => void;
}

export type EngineName = 'duckdb' | 'clickhouse';

/**
 * The analytical store. Values are always bound, never spliced into SQL; statements come
 * from the dialect or the metric compiler.
 */
export interface Warehouse {
  readonly engine: EngineName;
  readonly dialect: Dialect;
  /** file path or URL, for messages */
  readonly location: string;
  query<R extends ResultRow = ResultRow>(sql: string, params?: readonly SqlValue[]): Promise<R[]>;
  exec(sql: string, params?: readonly SqlValue[]): Promise<void>;
  bulkLoad<T extends TableDef>(table: T, rows: Iterable<RowOf<T>> | AsyncIterable<RowOf<T>>, options?: BulkLoadOptions): Promise<number>;
  /** Runs `fn` in one transaction: all of it lands or none. */
  transaction<T>(fn: (tx: Warehouse) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` on a connection of its own, each statement committed by itself; `s.transaction()`
   * then runs on that same connection, so TEMP tables made before it are seen inside it. Heavy
   * preparation done this way stays out of the transaction (DuckDB holds everything a
   * transaction writes, even tables it drops again, until it ends).
   */
  session<T>(fn: (s: Warehouse) => Promise<T>): Promise<T>;
  /**
   * How far the statement running now on this connection is, 0–1, for progress on one long
   * statement (an import's cleaning); undefined when nothing runs or the engine cannot tell.
   * A session calls `trackProgress()` first.
   */
  queryProgress(): number | undefined;
  /** Makes this connection track its statements' progress (a session's, for `queryProgress`). */
  trackProgress(): Promise<void>;
  close(): Promise<void>;
}
