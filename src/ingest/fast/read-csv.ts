/**
 * DuckDB reads and cleans one piece of the CSV (prepare-csv.ts) in one statement into the
 * TEMP table `cln_rows`: read_csv gives the row index `rn` the copy begins each record with
 * (0 = the row after the header), then one VARCHAR column `c<i>` per header column (only
 * those the source uses are kept; the rest are parsed and dropped), every cell exactly as
 * written — empty cells are '' and cells past the end of a short row NULL (the NULL spelling
 * is a string no export contains) — and the cleaning SQL (clean-table.ts) runs over them.
 */
import type { Warehouse } from '../../warehouse/index.js';
import { DERIVED, rawCol, type CleanPlan } from './clean-table.js';
import type { CsvRead } from './prepare-csv.js';

const NEVER_IN_A_FILE = 'shoplens\u0001null';

/** Reads and cleans a piece into `cln_rows`; `checkPiece` then compares it with the scan. */
export async function readPiece(tx: Warehouse, files: CsvRead['files'], width: number, plan: CleanPlan): Promise<void> {
  const columns = ["'rn': 'BIGINT'", ...Array.from({ length: width }, (_, i) => `'${rawCol(i)}': 'VARCHAR'`)].join(', ');
  const csv = (k: number) => `read_csv(${tx.dialect.param(k + 1)}, auto_detect = false, header = false, skip = 1, columns = {${columns}},
    delim = ',', quote = '"', escape = '"', null_padding = true, strict_mode = false, nullstr = '${NEVER_IN_A_FILE}', encoding = 'utf-8')`;
  const from = files.length === 1 && files[0]!.shift === 0 ? csv(0)
    : `(${files.map((f, k) => `SELECT * REPLACE (rn + ${f.shift} AS rn) FROM ${csv(k)}`).join(' UNION ALL ')})`;
  // On all threads, in any order: staging runs before the run's transaction (import-file.ts),
  // where DuckDB frees each piece when it is dropped and spills what does not fit under memory_limit.
  await tx.exec(`CREATE TEMP TABLE cln_rows AS ${plan.sql(from)}`, files.map((f) => f.path));
}

/** false: DuckDB read the piece differently from our own parser (the caller takes the JS path). */
export async function checkPiece(tx: Warehouse, expect: { rows: number; short: number; offset: number }): Promise<boolean> {
  const [r] = await tx.query<{ n: bigint; short: bigint | null; lo: bigint | null; hi: bigint | null }>(`SELECT count(*) AS n,
    count(*) FILTER (WHERE short) AS short, min(rn) AS lo, max(rn) AS hi FROM cln_rows`);
  await tx.exec('CREATE TEMP VIEW cln AS SELECT * FROM cln_rows');
  // The scan counted records as our parser does: DuckDB must have the same rows, short rows
  // and row indexes (one per record of the piece, so none can repeat when the count and the ends agree).
  return Number(r!.n) === expect.rows && Number(r!.short ?? 0) === expect.short
    && Number(r!.lo) === expect.offset && Number(r!.hi) === expect.offset + expect.rows - 1;
}

export async function dropPiece(tx: Warehouse): Promise<void> {
  await tx.exec(`DROP TABLE IF EXISTS ${DERIVED}`);
  await tx.exec('DROP VIEW IF EXISTS cln');
  await tx.exec('DROP TABLE IF EXISTS cln_rows');
}
