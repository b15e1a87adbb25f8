/**
 * The DuckDB path of a CSV import: DuckDB parses (read_csv) and cleans (SQL), JS only sniffs,
 * transcodes GBK and resolves the few distinct shops. It hands the merge the same staging
 * tables, quarantine, counts, unknown statuses and changed days as the JS path (proven by
 * fast.integration.test.ts), or declines (returns undefined, nothing staged) when the file is
 * irregular and only the JS parser reads it right.
 *
 *   prepare (transcode + scan) → cln (read_csv + cleaning SQL) → shops → prob → staging
 */
import type { Warehouse } from '../../warehouse/index.js';
import { zoneOf } from '../clean/dates.js';
import type { TextEncoding } from '../read/encoding.js';
import type { HeaderMap } from '../sources/header-map.js';
import type { SourceFormat } from '../sources/types.js';
import { Collector } from '../stage/collector.js';
import { KEEP_PROBLEMS, RowStager, type QuarantineEntry } from '../stage/row-stager.js';
import type { StageName } from '../stage/staging-tables.js';
import type { ShopResolver } from '../run/shops.js';
import { cleanPlan, cleanRow, q } from './clean-table.js';
import { CollectorSql } from './collector-sql.js';
import { stageJsRows } from './js-rows.js';
import { prepareCsv } from './prepare-csv.js';
import { listProblems, problemsSql } from './problems-sql.js';
import { readClean } from './read-csv.js';
import { mapShops } from './shop-map.js';
import type { SqlSource } from './sql-source.js';
import { dayRanges, dedupeMasters, insertStaged, stagedCounts, unknownStatuses } from './staging-sql.js';
import { zoneSql } from './zone-sql.js';

export type Phase = 'reading' | 'cleaning' | 'staging';

export interface FastCsvInput {
  path: string;
  /** file name for quarantine entries */
  where: string;
  encoding: TextEncoding;
  /** bytes before the text (BOM) */
  skip: number;
  header: string[];
  source: SourceFormat;
  sql: SqlSource;
  map: HeaderMap;
  shopMap: HeaderMap<'shop_id' | 'shop_name'>;
  shop: string | undefined;
  timezone: string;
  resolver: ShopResolver;
  onProgress?: (rows: number, phase: Phase) => void;
}

export interface FastCsvResult {
  rowsRead: number;
  badRows: number;
  problems: QuarantineEntry[];
  staged: Record<StageName, number>;
  collector: Collector;
}

const TEMP = ['shop_map', 'prob'];

export async function stageCsvFast(tx: Warehouse, i: FastCsvInput): Promise<FastCsvResult | undefined> {
  const width = i.header.length;
  const prepared = await prepareCsv(i.path, i.encoding, i.skip, (n) => i.onProgress?.(Math.max(0, n - 1), 'reading'));
  if (!prepared) return undefined;
  let ok = false;
  try {
    const { scan } = prepared;
    if (scan.irregular || scan.headerCells !== width || scan.records < 2) return undefined;
    const plan = cleanPlan(i.sql, i.map, i.shopMap, width);
    i.onProgress?.(scan.records - 1, 'cleaning');
    if (!(await readClean(tx, prepared.path, width, plan, scan))) return drop(tx);
    const rowsRead = scan.records - 1;
    if (!(await mapShops(tx, i.resolver, i.shop, i.source.platform))) return drop(tx);

    const [range] = await tx.query<{ lo: bigint | null; hi: bigint | null }>(timeRangeSql(i.sql));
    const z = zoneSql(i.timezone, toNum(range?.lo), toNum(range?.hi));
    const c = cleanRow(i.sql, z);
    const stop = i.sql.stop(c);
    await tx.exec(problemsSql(i.sql, c.from, stop));
    i.onProgress?.(rowsRead, 'staging');
    await insertStaged(tx, i.sql.emit(c, new CollectorSql(z)), c.from, stop);

    // Rows the SQL cannot decide go through the JS cleaners.
    const collector = new Collector(i.timezone);
    const tally = { badRows: 0, problems: [] as QuarantineEntry[] };
    const stager = new RowStager(i.source, i.map, i.shopMap, zoneOf(i.timezone), width, i.resolver, i.shop, collector, i.where);
    const js = await stageJsRows(tx, stager, collector, tally, plan.indexes, width, scan.short);
    if (js.masters) await dedupeMasters(tx);

    const shopHeader = i.shopMap.get('shop_name')?.header ?? '店铺';
    const problems = await listProblems(tx, { src: i.sql, map: i.map, shopHeader, width, short: scan.short, where: i.where }, tally.problems);
    const [bad] = await tx.query<{ n: bigint }>('SELECT count(DISTINCT rn) AS n FROM prob');
    const result = new Collector(i.timezone);
    for (const [s, n] of await unknownStatuses(tx, c.from, c.statusRaw, c.statusKnown, stop, js.unknown)) result.unknownStatuses.set(s, n);
    for (const [shop, r] of await dayRanges(tx)) result.dayRange.set(shop, r);
    const out = { rowsRead, badRows: Number(bad!.n) + tally.badRows, problems, staged: await stagedCounts(tx), collector: result };
    ok = true;
    return out;
  } finally {
    await prepared.cleanup();
    // After a failed statement the transaction is aborted and rolls back whole (TEMP tables too).
    if (ok) await drop(tx);
  }
}

async function drop(tx: Warehouse): Promise<undefined> {
  await tx.exec('DROP VIEW IF EXISTS cln');
  for (const t of ['cln_rows', ...TEMP]) await tx.exec(`DROP TABLE IF EXISTS ${t}`);
  return undefined;
}

const toNum = (v: bigint | null | undefined) => (v === null || v === undefined ? undefined : Number(v));

function timeRangeSql(src: SqlSource): string {
  const times = Object.entries(src.kinds).filter(([, k]) => k === 'time').map(([f]) => q(`f_${f}`));
  return `SELECT least(${times.map((t) => `min(${t})`).join(', ')}) AS lo, greatest(${times.map((t) => `max(${t})`).join(', ')}) AS hi FROM cln`;
}
