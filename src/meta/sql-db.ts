/**
 * The one seam between the metadata repositories and an engine. Repositories write portable
 * SQL with `?` placeholders; each engine rewrites them (PostgreSQL wants `$1`). Values are
 * always bound. Times are epoch milliseconds in BIGINT columns so both engines agree.
 */
export type MetaValue = string | number | null;
export type MetaRow = Record<string, unknown>;

export type MetaDialect = 'sqlite' | 'postgres';

export interface SqlDb {
  readonly dialect: MetaDialect;
  readonly location: string;
  all<R extends MetaRow = MetaRow>(sql: string, params?: readonly MetaValue[]): Promise<R[]>;
  /** runs a write; answers the number of rows it changed */
  run(sql: string, params?: readonly MetaValue[]): Promise<number>;
  /** runs a script of statements with no parameters (migrations) */
  script(sql: string): Promise<void>;
  transaction<T>(fn: (db: SqlDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL BIGINT comes back as text; epoch milliseconds fit a JS number. */
export function toNumber(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

export function toNumberOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : toNumber(v);
}
