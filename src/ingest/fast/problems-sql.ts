/**
 * The quarantine of the DuckDB path: table `prob` (rn, ord, code) holds every problem of the
 * rows the SQL decided, `ord` being the order normalize.ts would report them in (-2: short
 * row, -1: no shop, then the getter calls). A row with any problem is left out whole.
 */
import type { Warehouse } from '../../warehouse/index.js';
import type { IngestErrorCode } from '../errors.js';
import type { HeaderMap } from '../sources/header-map.js';
import { KEEP_PROBLEMS, type QuarantineEntry } from '../stage/row-stager.js';
import { q, rawCellSql } from './clean-table.js';
import type { Check, SqlSource } from './sql-source.js';

export interface ProblemCheck {
  ord: number;
  field: string;
}

/** The checks in reporting order, numbered. */
export function problemChecks(src: SqlSource): ProblemCheck[] {
  return [...src.head, ...src.tail].map(([field], ord) => ({ ord, field }));
}

function codeSql(src: SqlSource, [f, required]: Check): string {
  const kind = src.kinds[f]!;
  const [v, e, n] = [`c.${q(`f_${f}`)}`, `c.${q(`e_${f}`)}`, `c.${q(`n_${f}`)}`];
  const missing = (cond: string) => (required ? `CASE WHEN ${cond} THEN 'INGEST_REQUIRED_MISSING' END` : 'CAST(NULL AS VARCHAR)');
  if (kind === 'text' || kind === 'buyer' || kind === 'address') return missing(`${v} IS NULL`);
  if (kind === 'time') return `coalesce(${e}, ${missing(`${v} IS NULL AND NOT ${n}`)})`;
  return `coalesce(${e}, ${missing(`${v} IS NULL`)})`;
}

/**
 * SQL adding to `prob` (rn, ord, code) the problems of the piece in `cln`, joined to the shop map (alias m). `stop` is the source's
 * early return over `from` (the cleaned row, alias c): getter calls after it report nothing.
 */
export function problemsSql(src: SqlSource, from: string, stop: string): string {
  const parts = [
    `SELECT c.rn, -2 AS ord, 'INGEST_ROW_SHORT' AS code FROM cln c WHERE c.short AND NOT c.js`,
    `SELECT c.rn, -1, 'INGEST_REQUIRED_MISSING' FROM cln c LEFT JOIN shop_map m ON c.sid IS NOT DISTINCT FROM m.sid AND c.sname IS NOT DISTINCT FROM m.sname
      WHERE m.shop IS NULL AND NOT c.js`,
  ];
  const checks = [...src.head.map((c) => [c, false] as const), ...src.tail.map((c) => [c, true] as const)];
  checks.forEach(([check, afterStop], ord) => {
    const code = codeSql(src, check);
    if (code === 'CAST(NULL AS VARCHAR)') return;
    parts.push(`SELECT c.rn, ${ord}, ${code} FROM ${afterStop ? from : 'cln c'} WHERE NOT c.js AND (${code}) IS NOT NULL${afterStop ? ` AND NOT ${stop}` : ''}`);
  });
  return `INSERT INTO prob ${parts.join('\nUNION ALL ')}`;
}

/** SQL listing the first `limit` problems of the piece in `cln` with the raw cell they are about. */
export function problemListSql(src: SqlSource, map: HeaderMap, read: readonly number[], limit: number): string {
  const cases = problemChecks(src)
    .map(({ ord, field }) => {
      const i = map.get(field)?.index;
      return i === undefined ? '' : `WHEN ${ord} THEN ${rawCellSql(read, i)}`;
    })
    .filter(Boolean)
    .join(' ');
  return `SELECT p.rn, p.ord, p.code, coalesce(CASE p.ord ${cases} END, '') AS value
    FROM (SELECT p.* FROM prob p SEMI JOIN cln c ON c.rn = p.rn ORDER BY p.rn, p.ord LIMIT ${limit}) p JOIN cln c ON c.rn = p.rn ORDER BY p.rn, p.ord`;
}

export interface ProblemContext {
  src: SqlSource;
  map: HeaderMap;
  /** header of the shop column (or 店铺) for a row without a shop */
  shopHeader: string;
  width: number;
  /** record number → cells, of the short rows (scan) */
  short: ReadonlyMap<number, number>;
  where: string;
  /** header indexes read (clean-table.ts) */
  read: readonly number[];
}

/**
 * The quarantine entries in file order: the SQL's (first KEEP of them) and those of the rows
 * the JS cleaners took, merged by row (a row is decided by one way only).
 */
export async function listProblems(tx: Warehouse, x: ProblemContext, fromJs: readonly QuarantineEntry[], limit = KEEP_PROBLEMS): Promise<QuarantineEntry[]> {
  const checks = problemChecks(x.src);
  const rows = await tx.query<{ rn: bigint; ord: number; code: string; value: string }>(problemListSql(x.src, x.map, x.read, limit));
  const fromSql: QuarantineEntry[] = rows.map((r) => {
    const row = Number(r.rn) + 2;
    const code = r.code as IngestErrorCode;
    if (r.ord === -2) return { row, column: '', code, value: `${x.short.get(row) ?? 0}/${x.width}`, file: x.where };
    if (r.ord === -1) return { row, column: x.shopHeader, code, value: '', file: x.where };
    const f = checks[r.ord]!.field;
    return { row, column: x.map.get(f)?.header ?? f, code, value: r.value, file: x.where };
  });
  const all = [...fromSql, ...fromJs];
  // Stable sort: inside a row the order stays the normalizer's.
  all.sort((a, b) => a.row - b.row);
  return all.slice(0, limit);
}
