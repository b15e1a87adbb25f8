/**
 * Staging inserts of the DuckDB path, and what the collector tracks on the JS path, in SQL:
 * products and customers kept once per key (the last row wins, as the collector's master map
 * does), and per shop the first and last business day touched.
 */
import type { Warehouse } from '../../warehouse/index.js';
import { stageTables, type StageName } from '../stage/staging-tables.js';
import type { StageInsert } from './collector-sql.js';
import { q } from './clean-table.js';

const MASTER_KEY: Partial<Record<StageName, string>> = { products: 'sku_id', customers: 'customer_id' };

/**
 * The clean rows the SQL decided (alias c, shop map m): no problem, not stopped early. An
 * ANTI JOIN, not NOT EXISTS: DuckDB plans that as a delim join that first gathers every
 * row number (~1 s per 1 M rows, for a problem list that is usually empty).
 */
export function cleanRowsSql(from: string, stop: string): string {
  return `FROM ${from} JOIN shop_map m ON c.sid IS NOT DISTINCT FROM m.sid AND c.sname IS NOT DISTINCT FROM m.sname
    ANTI JOIN prob p ON p.rn = c.rn
    WHERE NOT c.js AND NOT ${stop}`;
}

export async function insertStaged(tx: Warehouse, inserts: readonly StageInsert[], from: string, stop: string): Promise<void> {
  for (const ins of inserts) {
    const t = stageTables[ins.table];
    const cols = Object.keys(t.columns).filter((c) => c !== 'shop_id' && c !== 'src_row');
    const missing = cols.filter((c) => ins.row[c] === undefined);
    if (missing.length) throw new Error(`SQL normalizer gives no ${missing.join(', ')} for ${t.name}`);
    const key = MASTER_KEY[ins.table];
    const select = `SELECT ${cols.map((c) => `${ins.row[c]} AS ${q(c)}`).join(', ')}, m.shop AS shop_id, c.rn + 1 AS src_row
      ${cleanRowsSql(from, stop)}${ins.when ? ` AND (${ins.when})` : ''}`;
    const rows = key ? `SELECT * FROM (${select}) QUALIFY row_number() OVER (PARTITION BY shop_id, ${q(key)} ORDER BY src_row DESC) = 1` : select;
    await tx.exec(`INSERT INTO ${q(t.name)} (${[...cols, 'shop_id', 'src_row'].map(q).join(', ')}) ${rows}`);
  }
}

/** After rows from the JS way joined: products and customers once per key again. */
export async function dedupeMasters(tx: Warehouse): Promise<void> {
  for (const [t, key] of Object.entries(MASTER_KEY) as [StageName, string][]) {
    const name = q(stageTables[t].name);
    // A hash join against each key's last row (a correlated EXISTS took seconds per 1 M rows).
    await tx.exec(`DELETE FROM ${name} s USING (SELECT shop_id, ${q(key)} AS k, max(src_row) AS last FROM ${name} GROUP BY ALL) x
      WHERE x.shop_id = s.shop_id AND x.k = s.${q(key)} AND s.src_row < x.last`);
  }
}

export async function stagedCounts(tx: Warehouse): Promise<Record<StageName, number>> {
  const names = Object.keys(stageTables) as StageName[];
  const [r] = await tx.query<Record<string, bigint>>(`SELECT ${names.map((t) => `(SELECT count(*) FROM ${q(stageTables[t].name)}) AS ${q(t)}`).join(', ')}`);
  return Object.fromEntries(names.map((t) => [t, Number(r![t])])) as Record<StageName, number>;
}

/** Per shop, the first and last business day of the staged rows (data_changes). */
export async function dayRanges(tx: Warehouse): Promise<Map<string, { from: string; to: string }>> {
  const days = [['stg_orders', 'created_day'], ['stg_orders', 'paid_day'], ['stg_order_lines', 'paid_day'], ['stg_refunds', 'finished_day'],
    ['stg_traffic_daily', 'day'], ['stg_ad_spend_daily', 'day'], ['stg_inventory_daily', 'day']];
  // In the order the collector meets the shops: by their first row.
  const rows = await tx.query<{ shop_id: string; lo: string; hi: string }>(`SELECT shop_id, min(d) AS lo, max(d) AS hi FROM (
    ${days.map(([t, d]) => `SELECT shop_id, ${d} AS d, src_row FROM ${t} WHERE ${d} IS NOT NULL`).join(' UNION ALL ')}) GROUP BY shop_id ORDER BY min(src_row)`);
  return new Map(rows.map((r) => [r.shop_id, { from: r.lo, to: r.hi }]));
}

/**
 * Status wordings the vocabulary does not know, over the clean rows of the piece: added to
 * `acc` (wording → [count, first row]).
 */
export async function unknownStatuses(tx: Warehouse, from: string, raw: string, known: string, stop: string, acc: Map<string, [number, number]>): Promise<void> {
  // An empty status is no wording (ERP rows may leave it out; where it is required the row is quarantined).
  const rows = await tx.query<{ s: string; n: bigint; first: bigint }>(`SELECT ${raw} AS s, count(*) AS n, min(c.rn) AS first ${cleanRowsSql(from, stop)}
    AND NOT ${known} AND ${raw} <> '' GROUP BY 1`);
  for (const r of rows) {
    const had = acc.get(r.s);
    acc.set(r.s, had ? [had[0] + Number(r.n), Math.min(had[1], Number(r.first))] : [Number(r.n), Number(r.first)]);
  }
}
