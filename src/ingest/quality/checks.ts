/**
 * Quality checks over the store: each is named, looks at one table, and returns how many rows
 * it found with a few examples. They run on the shops an import touched (and on the whole
 * store for `shoplens quality --store`); run-level findings (duplicates, unknown statuses,
 * empty required cells) come from the run itself (quality/report.ts).
 */
import type { Warehouse } from '../../warehouse/index.js';
import { shopIn } from '../merge/sql.js';

export interface Finding {
  check: string;
  table: string;
  found: number;
  examples: string[];
}

/** What each check finds, in words (the report and the log keep the code). */
export const checkNames: Readonly<Record<string, { zh: string; en: string }>> = {
  duplicates_removed: { zh: '重复行(已去重)', en: 'duplicate rows removed' },
  null_required: { zh: '必填列为空', en: 'required values missing' },
  unknown_status: { zh: '未知状态', en: 'unknown statuses' },
  orders_without_lines: { zh: '订单无明细', en: 'orders without lines' },
  lines_without_orders: { zh: '明细无订单', en: 'lines without orders' },
  refunds_without_orders: { zh: '退款无订单', en: 'refunds without orders' },
  line_amounts_mismatch: { zh: '明细金额合计与订单不符', en: 'line amounts not adding up to the order' },
  future_dates: { zh: '未来日期', en: 'dates in the future' },
  gaps: { zh: '数据断档(平常有数据的日子没有数据)', en: 'gaps (no data on a day that usually has some)' },
};

/** The check's name in words, or its code when it has none. */
export function checkName(check: string): { zh: string; en: string } {
  return checkNames[check] ?? { zh: check, en: check };
}

interface StoreCheck {
  name: string;
  table: string;
  /** SQL returning one row per finding with a text column `example`; `$1` is now */
  sql: (inShops: (alias: string) => string) => string;
}

export const storeChecks: readonly StoreCheck[] = [
  {
    name: 'orders_without_lines', table: 'orders',
    sql: (inShops) => `SELECT o.order_id AS example FROM orders o WHERE ${inShops('o')}
      AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE ${inShops('l')} AND l.shop_id = o.shop_id AND l.order_id = o.order_id)`,
  },
  {
    name: 'lines_without_orders', table: 'order_lines',
    sql: (inShops) => `SELECT l.order_id || ' / ' || l.line_id AS example FROM order_lines l WHERE ${inShops('l')}
      AND NOT EXISTS (SELECT 1 FROM orders o WHERE ${inShops('o')} AND o.shop_id = l.shop_id AND o.order_id = l.order_id)`,
  },
  {
    name: 'refunds_without_orders', table: 'refunds',
    sql: (inShops) => `SELECT r.refund_id || ' → ' || r.order_id AS example FROM refunds r WHERE ${inShops('r')}
      AND NOT EXISTS (SELECT 1 FROM orders o WHERE ${inShops('o')} AND o.shop_id = r.shop_id AND o.order_id = r.order_id)`,
  },
  {
    name: 'line_amounts_mismatch', table: 'orders',
    sql: (inShops) => `SELECT o.order_id || ': ' || o.paid_amount || ' ≠ ' || s.paid AS example FROM orders o
      JOIN (SELECT l.shop_id, l.order_id, sum(l.paid_amount) AS paid FROM order_lines l WHERE ${inShops('l')} GROUP BY ALL) s ON s.shop_id = o.shop_id AND s.order_id = o.order_id
      WHERE ${inShops('o')} AND s.paid <> o.paid_amount`,
  },
  {
    name: 'future_dates', table: 'orders',
    sql: (inShops) => `SELECT o.order_id || ' @ ' || CAST(greatest(o.created_at, coalesce(o.paid_at, o.created_at)) AS VARCHAR) AS example FROM orders o
      WHERE ${inShops('o')} AND (o.created_at > $1 OR o.paid_at > $1 OR o.shipped_at > $1 OR o.finished_at > $1)`,
  },
  {
    name: 'future_dates', table: 'refunds',
    sql: (inShops) => `SELECT r.refund_id AS example FROM refunds r WHERE ${inShops('r')} AND (r.applied_at > $1 OR r.finished_at > $1)`,
  },
  {
    // A day without orders inside a shop's range, for a shop that has orders on most days
    // (at least 7 active days, and on at least half the days of its range); future dates aside.
    name: 'gaps', table: 'orders',
    sql: (inShops) => `WITH d AS (SELECT shop_id, created_day AS day, count(*) AS n FROM orders o WHERE ${inShops('o')} AND o.created_at <= $1 GROUP BY ALL),
      r AS (SELECT shop_id, min(day) AS first, max(day) AS last, count(*) AS active FROM d GROUP BY ALL
            HAVING count(*) >= 7 AND count(*) * 2 >= date_diff('day', min(day), max(day)) + 1),
      cal AS (SELECT r.shop_id, CAST(unnest(generate_series(CAST(r.first AS TIMESTAMP), CAST(r.last AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS day FROM r)
      SELECT cal.shop_id || ' ' || CAST(cal.day AS VARCHAR) AS example FROM cal
      WHERE NOT EXISTS (SELECT 1 FROM d WHERE d.shop_id = cal.shop_id AND d.day = cal.day) ORDER BY cal.shop_id, cal.day`,
  },
];

const EXAMPLES = 5;

/**
 * orders_without_lines, lines_without_orders and line_amounts_mismatch all pair a shop's
 * orders with its lines: one outer join of the orders with their lines per order answers the
 * three at once (the separate checks read both tables three times; on a shop with millions
 * of lines that was most of an import's time). Examples of lines without orders are per line,
 * so they are read with that check's own query, only when there are any.
 */
async function orderLinePass(wh: Warehouse, inShops: (alias: string) => string): Promise<Map<string, { found: number; examples: string[] | null }>> {
  const [r] = await wh.query<{ no_lines: bigint; no_lines_ex: string[] | null; orphans: bigint | null; mismatch: bigint; mismatch_ex: string[] | null }>(`
    WITH l AS (SELECT l.shop_id, l.order_id, count(*) AS n, sum(l.paid_amount) AS paid FROM order_lines l WHERE ${inShops('l')} GROUP BY ALL),
         o AS (SELECT o.shop_id, o.order_id, o.paid_amount FROM orders o WHERE ${inShops('o')})
    SELECT count(*) FILTER (WHERE l.order_id IS NULL) AS no_lines,
      min(o.order_id, ${EXAMPLES}) FILTER (WHERE l.order_id IS NULL) AS no_lines_ex,
      sum(l.n) FILTER (WHERE o.order_id IS NULL) AS orphans,
      count(*) FILTER (WHERE l.paid <> o.paid_amount) AS mismatch,
      min(o.order_id || ': ' || o.paid_amount || ' ≠ ' || l.paid, ${EXAMPLES}) FILTER (WHERE l.paid <> o.paid_amount) AS mismatch_ex
    FROM o FULL JOIN l ON l.shop_id = o.shop_id AND l.order_id = o.order_id`);
  return new Map([
    ['orders_without_lines', { found: Number(r?.no_lines ?? 0), examples: r?.no_lines_ex ?? [] }],
    ['lines_without_orders', { found: Number(r?.orphans ?? 0), examples: Number(r?.orphans ?? 0) > 0 ? null : [] }],
    ['line_amounts_mismatch', { found: Number(r?.mismatch ?? 0), examples: r?.mismatch_ex ?? [] }],
  ]);
}

export async function runStoreChecks(wh: Warehouse, shops: readonly string[], now: Date): Promise<Finding[]> {
  const out: Finding[] = [];
  // Every table read, outer and inner, is cut to the shops: the filter reaches the scan, so a
  // check costs what the run's shops hold, not what the whole store holds.
  const inShops = (alias: string) => shopIn(alias, shops);
  const paired = await orderLinePass(wh, inShops);
  for (const c of storeChecks) {
    const p = paired.get(c.name);
    if (p?.examples) {
      out.push({ check: c.name, table: c.table, found: p.found, examples: p.examples.map(String) });
      continue;
    }
    const sql = c.sql(inShops);
    const params = sql.includes('$1') ? [now] : [];
    // One pass: the count and the first few examples in text order (the same store gives the
    // same examples whatever order its rows were written in). `min(x, n)` keeps only the n
    // smallest, so a check with a million findings never gathers them all.
    const [r] = await wh.query<{ n: bigint; examples: string[] | null }>(
      `SELECT count(*) AS n, min(example, ${EXAMPLES}) AS examples FROM (${sql})`, params);
    out.push({ check: c.name, table: c.table, found: Number(r?.n ?? 0), examples: (r?.examples ?? []).map(String) });
  }
  return out;
}
