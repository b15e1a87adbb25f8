/**
 * The raw-order SQL RFM, cohorts, intervals and LTV ran before they read the buyer rollups:
 * grouping paid orders with a buyer id by (shop_id, customer_id) text. Kept for the
 * differential test only (buyer-rollups.integration.test.ts), as an independent computation.
 */
import type { Warehouse } from '../../warehouse/index.js';
import { buyerOrdersSql, Params, type ShopScope } from '../sql.js';

type Grain = 'month' | 'week';

export async function rawRfmBuyers(wh: Warehouse, p: Params, scope: ShopScope | undefined, from?: string, to?: string) {
  const d = wh.dialect;
  const orders = buyerOrdersSql(p, scope, from, to);
  const asOf = to ? `CAST(${p.add(to)} AS DATE) + 1` : `(SELECT max(paid_day) + 1 FROM (${orders}) a)`;
  return wh.query(`SELECT shop_id, customer_id, ${d.daysBetween('max(paid_day)', asOf)} AS recency, count(*) AS frequency,
      sum(paid_amount) AS monetary FROM (${orders}) o GROUP BY shop_id, customer_id`, p.values);
}

/** quantile_disc of recency, frequency and monetary over the raw per-buyer rows (quintile cut-offs). */
export async function rawRfmCutoffs(wh: Warehouse, scope: ShopScope | undefined, from?: string, to?: string) {
  const p = new Params(wh);
  const d = wh.dialect;
  const orders = buyerOrdersSql(p, scope, from, to);
  const asOf = to ? `CAST(${p.add(to)} AS DATE) + 1` : `(SELECT max(paid_day) + 1 FROM (${orders}) a)`;
  const perBuyer = `SELECT ${d.daysBetween('max(paid_day)', asOf)} AS recency, count(*) AS frequency, sum(paid_amount) AS monetary
    FROM (${orders}) o GROUP BY shop_id, customer_id`;
  const q = [0.2, 0.4, 0.6, 0.8];
  const [c] = await wh.query(`SELECT ${d.quantiles('recency', q)} AS r, ${d.quantiles('frequency', q)} AS f, ${d.quantiles('monetary', q)} AS m FROM (${perBuyer}) b`, p.values);
  return c!;
}

function periodIndex(wh: Warehouse, grain: Grain, day: string): string {
  const d = wh.dialect;
  return grain === 'month'
    ? d.monthsBetween(`DATE '2000-01-01'`, d.monthStart(day))
    : `CAST(${d.daysBetween(`DATE '2000-01-03'`, d.weekStart(day))} / 7 AS INTEGER)`;
}

/** (shop_id, customer_id, pi, period, orders, amount, first_pi) per buyer and period. */
function buyerPeriods(wh: Warehouse, p: Params, grain: Grain, scope: ShopScope | undefined, to?: string): string {
  const d = wh.dialect;
  const start = grain === 'month' ? d.monthStart('paid_day') : d.weekStart('paid_day');
  const perPeriod = `SELECT shop_id, customer_id, ${periodIndex(wh, grain, 'paid_day')} AS pi, min(${start}) AS period,
      count(*) AS orders, sum(paid_amount) AS amount FROM (${buyerOrdersSql(p, scope, undefined, to)}) o GROUP BY shop_id, customer_id, pi`;
  return `SELECT bp.shop_id, bp.customer_id, bp.pi, bp.period, bp.orders, bp.amount, f.first_pi FROM (${perPeriod}) bp
    JOIN (SELECT shop_id, customer_id, min(pi) AS first_pi FROM (${perPeriod}) x GROUP BY shop_id, customer_id) f
      ON f.shop_id = bp.shop_id AND f.customer_id = bp.customer_id`;
}

export async function rawCohortCells(wh: Warehouse, grain: Grain, scope: ShopScope | undefined, to: string | undefined, periods: number) {
  const p = new Params(wh);
  const bp = buyerPeriods(wh, p, grain, scope, to);
  return wh.query(`SELECT c.period AS cohort, b.pi - b.first_pi AS k, count(*) AS buyers, sum(b.amount) AS paid
    FROM (${bp}) b JOIN (SELECT first_pi, min(period) AS period FROM (${bp}) x WHERE pi = first_pi GROUP BY first_pi) c ON c.first_pi = b.first_pi
    WHERE b.pi - b.first_pi < ${periods} GROUP BY c.period, k ORDER BY cohort, k`, p.values);
}

export async function rawCohortPeriods(wh: Warehouse, grain: Grain, scope: ShopScope | undefined, to: string | undefined) {
  const p = new Params(wh);
  const bp = buyerPeriods(wh, p, grain, scope, to);
  return wh.query(`SELECT b.period, count(*) AS buyers, sum(CASE WHEN b.orders >= 2 THEN 1 ELSE 0 END) AS repeaters,
      sum(CASE WHEN nx.pi IS NOT NULL THEN 1 ELSE 0 END) AS back_next, max(b.pi) = (SELECT max(pi) FROM (${bp}) m) AS is_last
    FROM (${bp}) b LEFT JOIN (SELECT shop_id, customer_id, pi FROM (${bp}) y) nx
      ON nx.shop_id = b.shop_id AND nx.customer_id = b.customer_id AND nx.pi = b.pi + 1
    GROUP BY b.period ORDER BY b.period`, p.values);
}

/** Buyers per interval bucket (1-7, 8-14, 15-30, 31-60, 61-90, 91-180, 181-365, >365 days). */
export async function rawIntervals(wh: Warehouse, scope: ShopScope | undefined, to: string | undefined): Promise<number[]> {
  const p = new Params(wh);
  const d = wh.dialect;
  const days = `SELECT DISTINCT shop_id, customer_id, paid_day FROM (${buyerOrdersSql(p, scope, undefined, to)}) o`;
  const gaps = await wh.query<{ gap: bigint }>(`SELECT ${d.daysBetween('f.first_day', 'min(b.paid_day)')} AS gap FROM (${days}) b
    JOIN (SELECT shop_id, customer_id, min(paid_day) AS first_day FROM (${days}) x GROUP BY shop_id, customer_id) f
      ON f.shop_id = b.shop_id AND f.customer_id = b.customer_id
    WHERE b.paid_day > f.first_day GROUP BY b.shop_id, b.customer_id, f.first_day`, p.values);
  const out = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const g of gaps) out[[7, 14, 30, 60, 90, 180, 365, Infinity].findIndex((b) => Number(g.gap) <= b)]! += 1;
  return out;
}

/** LTV's (x, tx_days, t_days) groups and per-first-month buyers and paid amount, from the raw orders. */
export async function rawLtvGroups(wh: Warehouse, scope: ShopScope | undefined, from?: string, to?: string) {
  const p = new Params(wh);
  const d = wh.dialect;
  const orders = buyerOrdersSql(p, scope, from, to);
  const end = to ? `CAST(${p.add(to)} AS DATE)` : `(SELECT max(paid_day) FROM (${orders}) e)`;
  const perDay = `SELECT shop_id, customer_id, paid_day, sum(paid_amount) AS amount FROM (${orders}) o GROUP BY shop_id, customer_id, paid_day`;
  const perBuyer = `SELECT shop_id, customer_id, count(*) - 1 AS x, min(paid_day) AS first_day,
      ${d.daysBetween('min(paid_day)', 'max(paid_day)')} AS tx_days, ${d.daysBetween('min(paid_day)', end)} AS t_days, sum(amount) AS total
    FROM (${perDay}) b GROUP BY shop_id, customer_id`;
  const groups = await wh.query(`SELECT x, tx_days, t_days, count(*) AS n FROM (${perBuyer}) b GROUP BY x, tx_days, t_days ORDER BY x, tx_days, t_days`, p.values);
  const cohorts = await wh.query(`SELECT ${d.monthStart('first_day')} AS cohort, count(*) AS buyers, sum(total) AS paid
    FROM (${perBuyer}) b GROUP BY cohort ORDER BY cohort`, p.values);
  return { groups, cohorts };
}
