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
export async function latestPerKeySql(tx: Warehouse, stg: string, key: readonly string[], cols: readonly string[], staged: number): Promise<string> {
  const distinct = await count(tx, `SELECT count(DISTINCT (${key.map(q).join(', ')})) AS n FROM ${q(stg)}`);
  return distinct === staged ? `SELECT ${cols.map(q).join(', ')} FROM ${q(stg)}` : latestPerKey(stg, key, cols);
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

export async function actionCounts(tx: Warehouse, table: string, diff: string, staged: number, deduped: number): Promise<TableCounts> {
  const rows = await tx.query<{ action: string; n: bigint }>(`SELECT action, count(*) AS n FROM ${q(diff)} GROUP BY action`);
  const by = Object.fromEntries(rows.map((r) => [r.action, Number(r.n)]));
  return {
    table, staged, duplicates: staged - deduped,
    inserted: by.insert ?? 0, updated: by.update ?? 0, unchanged: by.same ?? 0, linked: by.linked ?? 0,
  };
}
