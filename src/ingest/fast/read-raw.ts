/**
 * DuckDB reads the CSV into the TEMP table `raw`: one VARCHAR column `c<i>` per header column
 * the source uses (the rest are parsed and dropped), rows in file order (rowid = data row
 * index: insertion order is preserved). Every cell is text, exactly as written; cleaning is
 * SQL over these columns. Empty cells are '' and cells past the end of a short row NULL (the
 * NULL spelling is a string no export contains), so a short row shows in its last column.
 */
import type { Warehouse } from '../../warehouse/index.js';
import { rawCol } from './clean-table.js';
import type { CsvScan } from './scan-csv.js';

const NEVER_IN_A_FILE = 'shoplens\u0001null';

/** false: DuckDB read the file differently from our own parser (the caller takes the JS path). */
export async function readRaw(tx: Warehouse, path: string, width: number, indexes: readonly number[], scan: CsvScan): Promise<boolean> {
  const columns = Array.from({ length: width }, (_, i) => `'${rawCol(i)}': 'VARCHAR'`).join(', ');
  // The scan let through only files read_csv reads as we do: a failure here is a real error
  // (and has aborted the transaction, so there is no going back to the JS way).
  await tx.exec(`CREATE TEMP TABLE raw AS SELECT ${indexes.map(rawCol).join(', ')}
    FROM read_csv(${tx.dialect.param(1)}, auto_detect = false, header = false, skip = 1, columns = {${columns}},
      delim = ',', quote = '"', escape = '"', null_padding = true, strict_mode = false, nullstr = '${NEVER_IN_A_FILE}',
      encoding = 'utf-8')`, [path]);
  // The scan counted records as our parser does: DuckDB must have the same rows and short rows.
  const [r] = await tx.query<{ n: bigint; short: bigint | null; span: bigint | null }>(`SELECT count(*) AS n,
    count(*) FILTER (WHERE ${rawCol(width - 1)} IS NULL) AS short, max(rowid) - min(rowid) + 1 AS span FROM raw`);
  // Row ids count from an offset inside a transaction, but without gaps: rowid − min(rowid) is the data row index.
  return Number(r!.n) === scan.records - 1 && Number(r!.short ?? 0) === scan.short.size && r!.span === r!.n;
}
