/**
 * The DuckDB path of a workbook's only sheet: written as a plain CSV (sheet-csv.ts), then read as
 * an export's CSV is (stage-csv.ts). Declines (undefined, nothing staged) when a cell would read
 * differently as text or DuckDB declines the copy; the sheet's rows are then partly read.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { collectGarbage, GC_AFTER_ROWS } from '../../core/collect-garbage.js';
import type { Warehouse } from '../../warehouse/index.js';
import type { TablePart } from '../read/types.js';
import { scratchDir } from './scratch-dir.js';
import { sheetAsCsv, type ColumnRole } from './sheet-csv.js';
import { stageCsvFast, type FastCsvInput, type FastCsvResult } from './stage-csv.js';

export type FastSheetInput = Omit<FastCsvInput, 'path' | 'encoding' | 'skip' | 'header'>;

export async function stageSheetFast(tx: Warehouse, part: TablePart, i: FastSheetInput): Promise<FastCsvResult | undefined> {
  const roles = columnRoles(i);
  const dir = await scratchDir();
  try {
    const path = join(dir, 'sheet.csv');
    const copy = await sheetAsCsv(part, roles, path, (n) => i.meter.report('reading', n, part.read()));
    if (!copy.ok) return undefined;
    // the workbook's strings and rows are garbage now; collected, they do not add to DuckDB's peak
    if (copy.rows >= GC_AFTER_ROWS) collectGarbage();
    return await stageCsvFast(tx, { ...i, path, encoding: 'utf-8', skip: 0, header: part.header });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Each column's role from the kinds of the fields read from it; a column read two ways is neither time nor fen. */
function columnRoles(i: FastSheetInput): Map<number, ColumnRole> {
  const kinds = new Map<number, Set<string>>();
  for (const [field, kind] of Object.entries(i.sql.kinds)) {
    const at = i.map.get(field)?.index;
    if (at !== undefined) kinds.set(at, (kinds.get(at) ?? new Set()).add(kind));
  }
  const roles = new Map<number, ColumnRole>();
  for (const [at, k] of kinds) if (k.size === 1 && (k.has('time') || k.has('fen'))) roles.set(at, [...k][0] as ColumnRole);
  return roles;
}
