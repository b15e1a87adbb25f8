/** SQL text helpers the merge steps share (DuckDB; identifiers are our own, never user input). */
import type { TableDef } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';

export const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export const colsOf = (t: TableDef) => Object.keys(t.columns);

/** `a.x IS NOT DISTINCT FROM b.x AND …` over the columns. */
export function sameRow(a: string, b: string, cols: readonly string[]): string {
  return cols.map((c) => `${a}.${q(c)} IS NOT DISTINCT FROM ${b}.${q(c)}`).join(' AND ');
}

export function keyJoin(a: string, b: string, key: readonly string[]): string {
  return key.map((k) => `${a}.${q(k)} = ${b}.${q(k)}`).join(' AND ');
}

/** Rows of `stg` with one row per key: the last source row wins inside a file. */
export function latestPerKey(stg: string, key: readonly string[], cols: readonly string[]): string {
  return `SELECT ${cols.map(q).join(', ')} FROM ${q(stg)} QUALIFY row_number() OVER (PARTITION BY ${key.map(q).join(', ')} ORDER BY src_row DESC) = 1`;
}

/**
 * `latestPerKey`, or a plain select when the staged keys are already unique (the usual case:
 * the window sort is the most expensive step of a large merge).
 */
export function latestPerKeySql(stg: string, key: readonly string[], cols: readonly string[], unique: boolean): string {
  return unique ? `SELECT ${cols.map(q).join(', ')} FROM ${q(stg)}` : latestPerKey(stg, key, cols);
}

/**
 * `alias.shop_id IN ('a', 'b')`: the shops a run touches, as literals so DuckDB pushes the
 * filter into the table scan (zone maps skip other shops' row groups; a bound list or an
 * IN-subquery becomes a join that reads the whole column). Quotes are escaped.
 */
export function shopIn(alias: string, shops: readonly string[]): string {
  if (shops.length === 0) return 'false';
  return `${alias}.shop_id IN (${shops.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')})`;
}

/** Whether `table` holds any row of these shops: when not, nothing stored can match a key. */
export async function anyStored(tx: Warehouse, table: string, shops: readonly string[]): Promise<boolean> {
  const rows = await tx.query(`SELECT 1 AS x FROM ${q(table)} t WHERE ${shopIn('t', shops)} LIMIT 1`);
  return rows.length > 0;
}

/**
 * Whether no key repeats in a staging table, from 64-bit hashes of the keys (a set of
 * integers is several times cheaper to build than one of text tuples). As many distinct
 * hashes as rows proves the keys unique; fewer may be a repeat or a hash collision, and the
 * caller counts exactly then.
 */
export async function keysUnique(tx: Warehouse, stg: string, key: readonly string[]): Promise<{ staged: number; unique: boolean }> {
  const [r] = await tx.query<{ staged: bigint; h: bigint }>(
    `SELECT count(*) AS staged, count(DISTINCT hash(${key.map(q).join(', ')})) AS h FROM ${q(stg)}`);
  return { staged: Number(r?.staged ?? 0), unique: r?.h === r?.staged };
}

/** Rows and distinct keys of a staging table. */
export async function stagedKeys(tx: Warehouse, stg: string, key: readonly string[]): Promise<{ staged: number; keys: number }> {
  const { staged, unique } = await keysUnique(tx, stg, key);
  if (unique) return { staged, keys: staged };
  return { staged, keys: await count(tx, `SELECT count(DISTINCT (${key.map(q).join(', ')})) AS n FROM ${q(stg)}`) };
}

/**
 * Runs one statement with insertion order kept. An import runs unordered (import-file.ts:
 * DuckDB then writes on every thread); a statement that needs less memory asks for it here
 * (folding sub-orders: orders.ts) and the import's setting comes back after. Row numbers never
 * depend on it: they are in the data (fast/numbered-copy.ts).
 */
export async function execInOrder(tx: Warehouse, sql: string, params: unknown[] = []): Promise<void> {
  await tx.exec('SET preserve_insertion_order = true');
  await tx.exec(sql, params as never);
  await tx.exec('SET preserve_insertion_order = false');
}

export async function count(tx: Warehouse, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await tx.query<{ n: bigint | number | null }>(sql, params as never);
  return Number(row?.n ?? 0);
}

export interface TableCounts {
  table: string;
  staged: number;
  duplicates: number;
  inserted: number;
  updated: number;
  unchanged: number;
  linked: number;
}

export type ActionCounts = Partial<Record<'insert' | 'update' | 'same' | 'stale' | 'linked', number>>;

/** Rows of a diff table per action, in one pass. */
export async function countActions(tx: Warehouse, diff: string): Promise<ActionCounts> {
  const rows = await tx.query<{ action: string; n: bigint }>(`SELECT action, count(*) AS n FROM ${q(diff)} GROUP BY action`);
  return Object.fromEntries(rows.map((r) => [r.action, Number(r.n)]));
}

export function tableCounts(table: string, staged: number, deduped: number, by: ActionCounts): TableCounts {
  return {
    table, staged, duplicates: staged - deduped,
    inserted: by.insert ?? 0, updated: by.update ?? 0, unchanged: by.same ?? 0, linked: by.linked ?? 0,
  };
}
