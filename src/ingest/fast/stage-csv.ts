/**
 * The DuckDB path of a CSV import: DuckDB parses (read_csv) and cleans (SQL), JS only sniffs,
 * transcodes GBK and resolves the few distinct shops. It hands the merge the same staging
 * tables, quarantine, counts, unknown statuses and changed days as the JS path (proven by
 * fast.integration.test.ts), or declines (returns undefined, nothing staged) when the file is
 * irregular and only the JS parser reads it right.
 *
 *   prepare (transcode + scan + numbered copy, a big file in two parts at once) → per piece: cln (read_csv + cleaning SQL)
 *   → shops → prob → staging → the rows only JS can decide
 *
 */
import type { Warehouse } from '../../warehouse/index.js';
import { zoneOf } from '../clean/dates.js';
import type { TextEncoding } from '../read/encoding.js';
import type { HeaderMap } from '../sources/header-map.js';
import type { SourceFormat } from '../sources/types.js';
import { Collector } from '../stage/collector.js';
import { KEEP_PROBLEMS, RowStager, type QuarantineEntry } from '../stage/row-stager.js';
import { stageNames, stageTables, type StageName } from '../stage/staging-tables.js';
import { watchStatement, type ImportMeter } from '../run/progress.js';
import type { ShopResolver } from '../run/shops.js';
import { cleanPlan, cleanRow, derivedTableSql, q, type CleanPlan } from './clean-table.js';
import { CollectorSql } from './collector-sql.js';
import { stageJsRows } from './js-rows.js';
import { prepareCsv, type PreparedCsv } from './prepare-csv.js';
import { listProblems, problemsSql } from './problems-sql.js';
import { checkPiece, dropPiece, readPiece } from './read-csv.js';
import { ShopMapper } from './shop-map.js';
import type { SqlSource } from './sql-source.js';
import { dayRanges, dedupeMasters, insertStaged, stagedCounts, unknownStatuses } from './staging-sql.js';
import { zoneSql } from './zone-sql.js';

/** How far through a piece's time its read-and-clean statement ends (0.69–0.70 at 1 M rows), and its staging inserts. */
const READ_SHARE = 0.7;
const STAGED_SHARE = 0.9;

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
  /** reading: rows scanned and copied; cleaning: rows parsed, cleaned and staged */
  meter: ImportMeter;
}

export interface FastCsvResult {
  rowsRead: number;
  badRows: number;
  problems: QuarantineEntry[];
  staged: Record<StageName, number>;
  collector: Collector;
}

export async function stageCsvFast(tx: Warehouse, i: FastCsvInput): Promise<FastCsvResult | undefined> {
  const width = i.header.length;
  const prepared = await prepare(i);
  if (!prepared) return undefined;
  const { scan, plan } = prepared;
  try {
    if (scan.irregular || scan.headerCells !== width || scan.records < 2) return await undo(tx);
    const rowsRead = scan.records - 1;
    // the count as scanned to the end (the copy processes report per chunk)
    i.meter.report('reading', rowsRead, 1);
    const cleaned = (rows: number, done = rows) => i.meter.report('cleaning', rows, done / rowsRead);
    const shops = await ShopMapper.create(tx, i.shop, i.source.platform);
    await tx.exec('CREATE TEMP TABLE prob (rn BIGINT, ord INTEGER, code VARCHAR)');
    const collector = new Collector(i.timezone);
    const tally = { badRows: 0, problems: [] as QuarantineEntry[] };
    const stager = new RowStager(i.source, i.map, i.shopMap, zoneOf(i.timezone), width, shops.scratch, i.shop, collector, i.where);
    const unknown = new Map<string, [number, number]>();
    const problems: QuarantineEntry[] = [];
    let masters = false;
    for (const { files, offset, rows } of prepared.reads) {
      // record numbers: the header is record 1, data row `rn` is record rn + 2
      const short = [...scan.short.keys()].filter((n) => n - 2 >= offset && n - 2 < offset + rows).length;
      // Reading and cleaning a piece is one statement, most of the cleaning phase's time: its
      // progress moves the bar up to READ_SHARE of the piece.
      cleaned(offset);
      await watchStatement(tx, () => readPiece(tx, files, width, plan), (p) => cleaned(offset + Math.floor(rows * p), offset + rows * p * READ_SHARE));
      if (!(await checkPiece(tx, { rows, short, offset })) || !(await shops.addPiece(tx))) return await undo(tx);
      cleaned(offset + rows, offset + rows * READ_SHARE);
      if (i.sql.derived) await tx.exec(derivedTableSql(i.sql.derived));
      const rangeSql = timeRangeSql(i.sql);
      const [range] = rangeSql ? await tx.query<{ lo: bigint | null; hi: bigint | null }>(rangeSql) : [];
      const z = zoneSql(i.timezone, toNum(range?.lo), toNum(range?.hi));
      const c = cleanRow(i.sql, z);
      const stop = i.sql.stop(c);
      await tx.exec(problemsSql(i.sql, c.from, stop));
      await insertStaged(tx, i.sql.emit(c, new CollectorSql(z)), c.from, stop);
      cleaned(offset + rows, offset + rows * STAGED_SHARE);
      await unknownStatuses(tx, c.from, c.statusRaw, c.statusKnown, stop, unknown);
      // Rows the SQL cannot decide go through the JS cleaners.
      tally.problems = [];
      masters = (await stageJsRows(tx, stager, collector, tally, plan.indexes, width, scan.short, unknown)).masters || masters;
      const ctx = { src: i.sql, map: i.map, shopHeader: i.shopMap.get('shop_name')?.header ?? '店铺', width, short: scan.short, where: i.where, read: plan.indexes };
      if (problems.length < KEEP_PROBLEMS) problems.push(...(await listProblems(tx, ctx, tally.problems, KEEP_PROBLEMS - problems.length)));
      await dropPiece(tx);
      cleaned(offset + rows);
    }
    if (masters || prepared.reads.length > 1) await dedupeMasters(tx);
    shops.replay(i.resolver);
    const [bad] = await tx.query<{ n: bigint }>('SELECT count(DISTINCT rn) AS n FROM prob');
    const result = new Collector(i.timezone);
    for (const [s, [n]] of [...unknown].sort((a, b) => a[1][1] - b[1][1])) result.unknownStatuses.set(s, n);
    for (const [shop, r] of await dayRanges(tx)) result.dayRange.set(shop, r);
    const out = { rowsRead, badRows: Number(bad!.n) + tally.badRows, problems, staged: await stagedCounts(tx), collector: result };
    await tx.exec('DROP TABLE shop_map');
    await tx.exec('DROP TABLE prob');
    return out;
  } finally {
    await prepared.cleanup();
  }
}

/** The pieces to read (the numbered copy), and the cleaning plan for the columns the scan found guarded. */
async function prepare(i: FastCsvInput): Promise<(PreparedCsv & { plan: CleanPlan }) | undefined> {
  const prepared = await prepareCsv(i.path, i.encoding, i.skip, { width: i.header.length, onRecords: (n, read) => i.meter.report('reading', Math.max(0, n - 1), read) });
  return prepared && { ...prepared, plan: cleanPlan(i.sql, i.map, i.shopMap, i.header.length, prepared.scan.guarded) };
}

/** Declines after staging began: the staging tables are emptied, the JS path starts over. */
async function undo(tx: Warehouse): Promise<undefined> {
  await dropPiece(tx);
  for (const t of stageNames) await tx.exec(`DELETE FROM ${q(stageTables[t].name)}`);
  await tx.exec('DROP TABLE IF EXISTS shop_map');
  await tx.exec('DROP TABLE IF EXISTS prob');
  return undefined;
}

const toNum = (v: bigint | null | undefined) => (v === null || v === undefined ? undefined : Number(v));

/** The piece's earliest and latest wall time, for the zone's change points; undefined: the source has no times (宝贝报表). */
function timeRangeSql(src: SqlSource): string | undefined {
  const times = Object.entries(src.kinds).filter(([, k]) => k === 'time').map(([f]) => q(`f_${f}`));
  if (times.length === 0) return undefined;
  return `SELECT least(${times.map((t) => `min(${t})`).join(', ')}) AS lo, greatest(${times.map((t) => `max(${t})`).join(', ')}) AS hi FROM cln`;
}
