/** Writes a run's log, per-table counts, quarantine and quality rows (inside its transaction). */
import { allErrorCodes } from '../../core/errors.js';
import { importQuality, importQuarantine, importRunTables, importRuns, type RowOf } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import type { TableCounts } from '../merge/sql.js';
import type { Finding } from '../quality/checks.js';
import type { QuarantineEntry } from './stage-file.js';

export type ImportRunRow = RowOf<typeof importRuns>;

export function reasonOf(p: QuarantineEntry): { zh: string; en: string } {
  const def = allErrorCodes().get(p.code);
  const params = { column: p.column, value: p.value, expected: 0, found: 0 };
  if (p.code === 'INGEST_ROW_SHORT') {
    const [found, expected] = p.value.split('/').map(Number);
    Object.assign(params, { found, expected });
  }
  return def ? { zh: def.zh(params), en: def.en(params) } : { zh: p.code, en: p.code };
}

export async function recordRun(
  tx: Warehouse, run: ImportRunRow, tables: readonly TableCounts[], problems: readonly QuarantineEntry[], quality: readonly Finding[],
): Promise<void> {
  await tx.bulkLoad(importRuns, [run]);
  await tx.bulkLoad(importRunTables, tables.map((t) => ({
    run_id: run.run_id, table_name: t.table, staged: t.staged, duplicates: t.duplicates,
    inserted: t.inserted, updated: t.updated, unchanged: t.unchanged, linked: t.linked,
  })));
  await tx.bulkLoad(importQuarantine, problems.map((p, i) => {
    const r = reasonOf(p);
    return { run_id: run.run_id, seq: i + 1, file: p.file, row_no: p.row, column_name: p.column, code: p.code, value: p.value, reason_zh: r.zh, reason_en: r.en };
  }));
  await tx.bulkLoad(importQuality, quality.map((f) => ({
    run_id: run.run_id, check_name: f.check, table_name: f.table, found: f.found, examples: JSON.stringify(f.examples),
  })) as RowOf<typeof importQuality>[]);
}
