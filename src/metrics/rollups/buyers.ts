/**
 * Buyer rollups, refreshed by day range: a change replaces the buyer-day rows of its shop and
 * days (buyers keep their number; new buyers get the next ones), then every buyer those rows
 * belonged to — before or after — gets its whole-history summary (rollup_buyer_keys) and its
 * monthly rows recomputed from rollup_buyers_daily, which is integer-keyed and small. A
 * buyer's first day can only move earlier through such a change, and it is then a touched
 * buyer, so summaries never go stale.
 */
import type { Warehouse } from '../../warehouse/index.js';
import { buyerKey } from '../facts/index.js';
import { sliced, type Change } from './slice.js';

const TOUCHED = 'rollup_touched';
const ROWS = 'rollup_buyer_rows';
const SUMS = 'rollup_buyer_sums';

/** `everything`: the tables are emptied and rebuilt, with no per-buyer bookkeeping. */
export async function refreshBuyers(wh: Warehouse, changes: readonly Change[], everything: boolean): Promise<void> {
  const touched = everything ? 'TRUE' : `buyer_no IN (SELECT buyer_no FROM ${TOUCHED})`;
  if (everything) {
    for (const t of ['rollup_buyers_daily', 'rollup_buyer_keys', 'rollup_buyers_monthly']) await wh.exec(`DELETE FROM ${t}`);
  } else {
    await wh.exec(`CREATE TEMP TABLE ${TOUCHED} (buyer_no BIGINT)`);
  }
  try {
    for (const c of changes) await replaceDays(wh, c, !everything);
    await resummarise(wh, touched);
    await rebuildMonths(wh, touched);
  } finally {
    for (const t of [TOUCHED, ROWS, SUMS]) await wh.exec(`DROP TABLE IF EXISTS ${t}`);
  }
}

async function exec(wh: Warehouse, c: Change, build: (where: (shopCol: string, dayCol: string) => string) => string): Promise<void> {
  const s = sliced(wh, c, build);
  await wh.exec(s.sql, s.params);
}

/** Replaces the change's buyer-day rows; records whose rows they were and are. */
async function replaceDays(wh: Warehouse, c: Change, track: boolean): Promise<void> {
  const d = wh.dialect;
  const remember = (where: (s: string, d: string) => string) => `INSERT INTO ${TOUCHED} SELECT DISTINCT buyer_no FROM rollup_buyers_daily WHERE ${where('shop_id', 'day')}`;
  if (track) await exec(wh, c, remember);
  await exec(wh, c, (where) => `DELETE FROM rollup_buyers_daily WHERE ${where('shop_id', 'day')}`);
  await exec(wh, c, (where) => `CREATE TEMP TABLE ${ROWS} AS SELECT o.shop_id, o.paid_day AS day, coalesce(o.source, '') AS source,
      ${buyerKey(d, 'o')} AS buyer, max(o.customer_id) AS customer_id, count(*) AS n, sum(o.paid_amount) AS amount
    FROM orders o WHERE o.paid_day IS NOT NULL AND ${where('o.shop_id', 'o.paid_day')} GROUP BY 1, 2, 3, 4`);
  // Buyers seen for the first time: numbered after the highest in use, in no particular order
  // (a sort of millions of keys for nothing: numbers only need to be distinct); summaries come later.
  await wh.exec(`INSERT INTO rollup_buyer_keys (shop_id, buyer, buyer_no, first_day, customer_id, last_day, second_day, orders, paid_days, paid_amount, first_day_amount, known)
    SELECT shop_id, buyer, (SELECT coalesce(max(buyer_no), 0) FROM rollup_buyer_keys) + row_number() OVER (), first_day, customer_id, first_day, NULL, 0, 0, 0, 0,
      customer_id IS NOT NULL
    FROM (SELECT r.shop_id, r.buyer, max(r.customer_id) AS customer_id, min(r.day) AS first_day FROM ${ROWS} r
      WHERE NOT EXISTS (SELECT 1 FROM rollup_buyer_keys k WHERE k.shop_id = r.shop_id AND k.buyer = r.buyer) GROUP BY 1, 2) n`);
  await wh.exec(`INSERT INTO rollup_buyers_daily (shop_id, day, source, buyer_no, orders, paid_amount)
    SELECT r.shop_id, r.day, r.source, k.buyer_no, r.n, r.amount FROM ${ROWS} r JOIN rollup_buyer_keys k ON k.shop_id = r.shop_id AND k.buyer = r.buyer`);
  await wh.exec(`DROP TABLE ${ROWS}`);
  if (track) await exec(wh, c, remember);
}

/** Whole-history summary per touched buyer; a buyer left with no paid day disappears. */
async function resummarise(wh: Warehouse, touched: string): Promise<void> {
  const d = wh.dialect;
  const days = `SELECT buyer_no, day, sum(orders) AS n, sum(paid_amount) AS amount FROM rollup_buyers_daily WHERE ${touched} GROUP BY 1, 2`;
  await wh.exec(`CREATE TEMP TABLE ${SUMS} AS SELECT s.*, (SELECT min(x.day) FROM rollup_buyers_daily x WHERE x.buyer_no = s.buyer_no AND x.day > s.first_day) AS second_day
    FROM (SELECT buyer_no, min(day) AS first_day, max(day) AS last_day, sum(n) AS orders, count(*) AS paid_days, sum(amount) AS paid_amount,
      ${d.argMin('amount', 'day')} AS first_day_amount FROM (${days}) b GROUP BY buyer_no) s`);
  await wh.exec(`CREATE TEMP TABLE rollup_buyer_keys_new AS SELECT k.shop_id, k.buyer, k.buyer_no, s.first_day, k.customer_id, s.last_day, s.second_day,
      s.orders, s.paid_days, s.paid_amount, s.first_day_amount, k.known FROM rollup_buyer_keys k JOIN ${SUMS} s ON s.buyer_no = k.buyer_no`);
  try {
    await wh.exec(`DELETE FROM rollup_buyer_keys WHERE ${touched}`);
    await wh.exec(`INSERT INTO rollup_buyer_keys (shop_id, buyer, buyer_no, first_day, customer_id, last_day, second_day, orders, paid_days, paid_amount, first_day_amount, known)
      SELECT * FROM rollup_buyer_keys_new ORDER BY buyer_no`);
  } finally {
    await wh.exec('DROP TABLE IF EXISTS rollup_buyer_keys_new');
  }
}

/** Monthly rows of touched buyers with a known id, with their first month and whether they came back the month after. */
async function rebuildMonths(wh: Warehouse, touched: string): Promise<void> {
  const d = wh.dialect;
  await wh.exec(`DELETE FROM rollup_buyers_monthly WHERE ${touched}`);
  const months = `SELECT shop_id, ${d.monthStart('day')} AS month, buyer_no, sum(orders) AS n, sum(paid_amount) AS amount
    FROM rollup_buyers_daily WHERE ${touched} GROUP BY 1, 2, 3`;
  await wh.exec(`INSERT INTO rollup_buyers_monthly (shop_id, month, buyer_no, first_month, orders, paid_amount, next_month)
    SELECT m.shop_id, m.month, m.buyer_no, ${d.monthStart('k.first_day')}, m.n, m.amount,
      coalesce(lead(m.month) OVER (PARTITION BY m.buyer_no ORDER BY m.month) = ${d.addMonths('m.month', 1)}, FALSE)
    FROM (${months}) m JOIN rollup_buyer_keys k ON k.buyer_no = m.buyer_no WHERE k.known`);
}
