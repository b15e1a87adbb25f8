/**
 * One source row through the JS cleaners: shop, normalizer, and either the collector (clean
 * row) or the quarantine list (a row with any problem, whole). The JS import path runs every
 * row through it; the DuckDB path (fast/) only the rows its SQL cannot decide.
 */
import type { Platform } from '../../model/index.js';
import { parseId } from '../clean/ids.js';
import { cellText } from '../clean/text.js';
import type { ZoneOffset } from '../clean/dates.js';
import type { RawRow } from '../read/types.js';
import type { HeaderMap } from '../sources/header-map.js';
import { RowReader, type RowProblem } from '../sources/row-reader.js';
import type { SourceFormat } from '../sources/types.js';
import type { Collector } from './collector.js';

/** Problems kept for the quarantine table; past this only counted (a wrong file can have millions). */
export const KEEP_PROBLEMS = 100_000;

export interface QuarantineEntry extends RowProblem {
  file: string;
}

export interface ShopLookup {
  resolve(id: string | undefined, name: string | undefined, fallback: string | undefined, platform: Platform): string | undefined;
}

export interface RowTally {
  badRows: number;
  problems: QuarantineEntry[];
}

export class RowStager {
  private readonly reader: RowReader;
  private readonly shopIdx: number | undefined;
  private readonly shopNameIdx: number | undefined;
  private readonly shopHeader: string;

  constructor(
    private readonly source: SourceFormat,
    map: HeaderMap,
    shopMap: HeaderMap<'shop_id' | 'shop_name'>,
    zone: ZoneOffset,
    /** header width; a CSV row with fewer cells is reported short */
    private readonly width: number | undefined,
    private readonly shops: ShopLookup,
    private readonly fallbackShop: string | undefined,
    private readonly collector: Collector,
    private readonly where: string,
  ) {
    this.reader = new RowReader(map, zone);
    this.shopIdx = shopMap.get('shop_id')?.index;
    this.shopNameIdx = shopMap.get('shop_name')?.index;
    this.shopHeader = shopMap.get('shop_name')?.header ?? '店铺';
  }

  /** `srcRow`: the row's order in the file (newest row wins inside a file). Returns true when the row was clean. */
  row(raw: RawRow, srcRow: number, tally: RowTally): boolean {
    const { reader, collector } = this;
    reader.reset(raw.n, raw.cells);
    if (this.width !== undefined && raw.cells.length < this.width) reader.problems.push({ row: raw.n, column: '', code: 'INGEST_ROW_SHORT', value: `${raw.cells.length}/${this.width}` });
    const shopId = this.shopIdx !== undefined ? parseId(raw.cells[this.shopIdx]).value : undefined;
    const shopName = this.shopNameIdx !== undefined ? cellText(raw.cells[this.shopNameIdx]) : undefined;
    const shop = this.shops.resolve(shopId, shopName, this.fallbackShop, this.source.platform);
    if (shop === undefined) reader.problems.push({ row: raw.n, column: this.shopHeader, code: 'INGEST_REQUIRED_MISSING', value: '' });
    collector.shopId = shop ?? '';
    collector.srcRow = srcRow;
    this.source.normalize(reader as never, collector);
    if (reader.problems.length) {
      collector.dropRow();
      tally.badRows++;
      for (const p of reader.problems) if (tally.problems.length < KEEP_PROBLEMS) tally.problems.push({ ...p, file: this.where });
      return false;
    }
    collector.commitRow();
    return true;
  }
}
