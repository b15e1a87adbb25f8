/**
 * Reads every table of a file through its source format into the staging tables, batch by
 * batch. Rows with problems go to the quarantine list whole; the rest are staged.
 */
import { basename } from 'node:path';
import { fail } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/index.js';
import { parseId } from '../clean/ids.js';
import { cellText } from '../clean/text.js';
import { IngestErrors as E } from '../errors.js';
import type { OpenedFile } from '../read/open-table.js';
import type { TablePart } from '../read/types.js';
import { Collector } from '../stage/collector.js';
import { stageNames, stageTables, type StageName } from '../stage/staging-tables.js';
import { shopColumns } from '../sources/common.js';
import { mapHeader, missingRequired } from '../sources/header-map.js';
import { detectSource } from '../sources/registry.js';
import { RowReader, type RowProblem } from '../sources/row-reader.js';
import type { SourceFormat } from '../sources/types.js';
import { zoneOf } from '../clean/dates.js';
import type { ShopResolver } from './shops.js';

const FLUSH_ROWS = 16_384;
/** Problems kept for the quarantine table; past this only counted (a wrong file can have millions). */
const KEEP_PROBLEMS = 100_000;

export interface QuarantineEntry extends RowProblem {
  file: string;
}

export interface StageResult {
  sources: SourceFormat[];
  rowsRead: number;
  badRows: number;
  problems: QuarantineEntry[];
  staged: Record<StageName, number>;
  collector: Collector;
}

export interface StageOptions {
  path: string;
  source?: SourceFormat;
  shop?: string;
  timezone: string;
  resolver: ShopResolver;
  onProgress?: (rows: number) => void;
  /** a table of the file was recognised (sheet name for xlsx) */
  onPart?: (source: SourceFormat, part: string) => void;
}

export async function stageFile(tx: Warehouse, opened: OpenedFile, o: StageOptions): Promise<StageResult> {
  const file = basename(o.path);
  for (const t of stageNames) await tx.exec(tx.dialect.createTable(stageTables[t], { temporary: true }));
  const collector = new Collector(o.timezone);
  const zone = zoneOf(o.timezone);
  const res: StageResult = { sources: [], rowsRead: 0, badRows: 0, problems: [], staged: zeroCounts(), collector };
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
    const map = mapHeader(part.header, source.columns);
    const missing = missingRequired(map, source.columns, source.required);
    if (missing.length) fail(E.INGEST_HEADER_MISSING, { file: where, source: source.id, columns: missing.join(', ') }, { file: where, row: part.headerRow });
    const shopMap = mapHeader(part.header, shopColumns);
    if (!shopMap.size && !o.shop) fail(E.INGEST_SHOP_MISSING, { file: where }, { file: where });
    res.sources.push(source);
    o.onPart?.(source, part.name);
    const reader = new RowReader(map, zone);
    const shopIdx = shopMap.get('shop_id')?.index;
    const shopNameIdx = shopMap.get('shop_name')?.index;
    const width = part.header.length;
    const csv = opened.kind === 'csv';
    for await (const batch of part.rows) {
      for (const raw of batch) {
        res.rowsRead++;
        reader.reset(raw.n, raw.cells);
        if (csv && raw.cells.length < width) reader.problems.push({ row: raw.n, column: '', code: 'INGEST_ROW_SHORT', value: `${raw.cells.length}/${width}` });
        const shopId = shopIdx !== undefined ? parseId(raw.cells[shopIdx]).value : undefined;
        const shopName = shopNameIdx !== undefined ? cellText(raw.cells[shopNameIdx]) : undefined;
        const shop = o.resolver.resolve(shopId, shopName, o.shop, source.platform);
        if (shop === undefined) reader.problems.push({ row: raw.n, column: shopMap.get('shop_name')?.header ?? '店铺', code: 'INGEST_REQUIRED_MISSING', value: '' });
        collector.shopId = shop ?? '';
        collector.srcRow = ++seq;
        source.normalize(reader as never, collector);
        if (reader.problems.length) {
          collector.dropRow();
          res.badRows++;
          for (const p of reader.problems) if (res.problems.length < KEEP_PROBLEMS) res.problems.push({ ...p, file: where });
        } else collector.commitRow();
      }
      if (collector.batchSize() >= FLUSH_ROWS) await flush();
      o.onProgress?.(res.rowsRead);
    }
  }
  await flush(true);
  if (res.sources.length === 0) fail(E.INGEST_FORMAT_UNKNOWN, { file, headers: headerSample(firstHeader) }, { file });
  if (res.rowsRead === 0) fail(E.INGEST_FILE_EMPTY, { file });
  return res;
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
