/**
 * Reads every table of a file through its source format into the staging tables. Rows with
 * problems go to the quarantine list whole; the rest are staged.
 *
 * Two ways, same result: a CSV whose source has a SQL normalizer goes the DuckDB way
 * (fast/stage-csv.ts: DuckDB parses and cleans, ~10× faster), and so does a workbook's only
 * sheet, copied to a CSV (fast/stage-sheet.ts); everything else — workbooks of several sheets,
 * other sources, files DuckDB would read differently — row by row through the JS cleaners.
 * SHOPLENS_INGEST_ENGINE=js forces the JS way (the reference the DuckDB way is tested against).
 */
import { basename } from 'node:path';
import { fail } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/index.js';
import { zoneOf } from '../clean/dates.js';
import { IngestErrors as E } from '../errors.js';
import { findSqlSource } from '../fast/registry.js';
import { stageCsvFast } from '../fast/stage-csv.js';
import { stageSheetFast } from '../fast/stage-sheet.js';
import { openTable, type OpenedFile } from '../read/open-table.js';
import type { TablePart } from '../read/types.js';
import { Collector } from '../stage/collector.js';
import { RowStager, type QuarantineEntry } from '../stage/row-stager.js';
import { stageNames, stageTables, type StageName } from '../stage/staging-tables.js';
import { shopColumns } from '../sources/common.js';
import { mapHeader, missingRequired } from '../sources/header-map.js';
import { detectSource } from '../sources/registry.js';
import type { SourceFormat } from '../sources/types.js';
import { ImportMeter } from './progress.js';
import type { ShopResolver } from './shops.js';

const FLUSH_ROWS = 16_384;

export type { QuarantineEntry };

export interface StageResult {
  sources: SourceFormat[];
  rowsRead: number;
  badRows: number;
  problems: QuarantineEntry[];
  staged: Record<StageName, number>;
  collector: Collector;
  /** which way the rows went */
  engine: 'duckdb' | 'js';
}

export interface StageOptions {
  path: string;
  source?: SourceFormat;
  shop?: string;
  timezone: string;
  resolver: ShopResolver;
  /** how far the staging is: the DuckDB path reads, then cleans; the JS cleaners clean as they read */
  meter?: ImportMeter;
  /** a table of the file was recognised (sheet name for xlsx) */
  onPart?: (source: SourceFormat, part: string) => void;
}

export async function stageFile(tx: Warehouse, opened: OpenedFile, o: StageOptions): Promise<StageResult> {
  const file = basename(o.path);
  const meter = o.meter ?? new ImportMeter();
  for (const t of stageNames) await tx.exec(tx.dialect.createTable(stageTables[t], { temporary: true }));
  let collector = new Collector(o.timezone);
  const zone = zoneOf(o.timezone);
  const res: StageResult = { sources: [], rowsRead: 0, badRows: 0, problems: [], staged: zeroCounts(), collector, engine: 'js' };
  let firstHeader: string[] | undefined;
  let seq = 0;

  const flush = async (final = false) => {
    const batch = collector.takeBatch(final);
    for (const t of stageNames) {
      if (batch[t].length === 0) continue;
      res.staged[t] += await tx.bulkLoad(stageTables[t], batch[t] as never, { into: stageTables[t].name });
    }
  };

  for await (const part of opened.parts) {
    firstHeader ??= part.header;
    const source = o.source ?? detectSource(part.header);
    if (!source) continue;
    const where = part.name ? `${file}#${part.name}` : file;
    // Said before the checks below: a file that fails them was still recognised (the data page shows its format beside the error).
    o.onPart?.(source, part.name);
    const map = mapHeader(part.header, source.columns);
    const missing = missingRequired(map, source.columns, source.required);
    if (missing.length) fail(E.INGEST_HEADER_MISSING, { file: where, source: source.id, columns: missing.join(', ') }, { file: where, row: part.headerRow });
    const shopMap = mapHeader(part.header, shopColumns);
    if (!shopMap.size && !o.shop) fail(E.INGEST_SHOP_MISSING, { file: where }, { file: where });
    res.sources.push(source);
    const sql = findSqlSource(source.id);
    let rows = part.rows;
    if (sql && part.headerRow === 1 && process.env.SHOPLENS_INGEST_ENGINE !== 'js' && (opened.kind === 'csv' ? opened.delimiter === ',' : opened.sheets?.length === 1)) {
      const input = { where, source, sql, map, shopMap, shop: o.shop, timezone: o.timezone, resolver: o.resolver, meter };
      const fast = opened.kind === 'csv'
        ? await stageCsvFast(tx, { ...input, path: o.path, encoding: opened.encoding as never, skip: opened.encoding === 'utf-8-bom' ? 3 : 0, header: part.header })
        : await stageSheetFast(tx, part, input);
      if (fast) {
        collector = fast.collector;
        return { ...res, ...fast, engine: 'duckdb' };
      }
      // the sheet's copy read some of its rows: read them again
      if (opened.kind === 'xlsx') rows = await sheetRowsAgain(o.path);
    }
    const stager = new RowStager(source, map, shopMap, zone, opened.kind === 'csv' ? part.header.length : undefined, o.resolver, o.shop, collector, where);
    for await (const batch of rows) {
      for (const raw of batch) {
        res.rowsRead++;
        stager.row(raw, ++seq, res);
      }
      if (collector.batchSize() >= FLUSH_ROWS) await flush();
      meter.report('cleaning', res.rowsRead, partsRead(opened, part));
    }
  }
  await flush(true);
  if (res.sources.length === 0) fail(E.INGEST_FORMAT_UNKNOWN, { file, headers: headerSample(firstHeader) }, { file });
  if (res.rowsRead === 0) fail(E.INGEST_FILE_EMPTY, { file });
  return res;
}

/** How much of the file is read, 0–1, when `part` is being read: a workbook's sheets in turn. */
function partsRead(opened: OpenedFile, part: TablePart): number {
  const sheets = opened.sheets ?? [part.name];
  return (Math.max(0, sheets.indexOf(part.name)) + part.read()) / sheets.length;
}

/** The rows of a workbook's only sheet, read from the start. */
async function sheetRowsAgain(path: string): Promise<TablePart['rows']> {
  for await (const part of (await openTable(path)).parts) return part.rows;
  throw new Error(`${path}: the sheet is gone`);
}

function headerSample(h: string[] | undefined): string {
  if (!h) return '';
  const s = h.slice(0, 8).map((x) => String(x).trim()).join(', ');
  return h.length > 8 ? `${s}, …` : s;
}

function zeroCounts(): Record<StageName, number> {
  return Object.fromEntries(stageNames.map((t) => [t, 0])) as Record<StageName, number>;
}

export type { TablePart };
