/**
 * Basket pairs, "buyers of A also buy B": support, confidence and lift of SKU or category
 * pairs bought in the same order, or by the same buyer within 30 days. Pairs come from one
 * self-join per shop of the distinct (transaction, item) rows of transactions with two or more
 * lines; item and transaction counts are joined back in nested subqueries (one JOIN per
 * SELECT, as ClickHouse 18.16 needs).
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/index.js';
import { AnalysisErrors as E } from '../errors.js';
import { count, ratio, type AnalysisResult } from '../result.js';
import { Params, type ScopeOption } from '../sql.js';
import { withTempTable } from '../temp-table.js';
import { stripScope } from '../rfm/rfm.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const basketOptions = z.object({
  /** same order, or the same buyer within `windowDays` */
  within: z.enum(['order', 'buyer']).default('order'),
  windowDays: z.number().int().min(0).max(365).default(30),
  item: z.enum(['sku', 'category']).default('sku'),
  /** pairs seen in fewer transactions than this are noise */
  minCount: z.number().int().min(1).default(2),
  top: z.number().int().positive().max(10_000).default(100),
  from: day.optional(),
  to: day.optional(),
}).strict();
export type BasketOptions = z.input<typeof basketOptions> & ScopeOption;

export async function basketAnalysis(wh: Warehouse, options: BasketOptions = {}): Promise<AnalysisResult> {
  const o = basketOptions.parse(stripScope(options));
  const item = o.item === 'sku' ? 'l.sku_id' : "coalesce(pr.category_l3, '(unknown)')";
  const joinProducts = o.item === 'category' ? 'LEFT JOIN products pr ON pr.shop_id = l.shop_id AND pr.sku_id = l.sku_id' : '';
  const byBuyer = o.within === 'buyer';
  // (shop, tx, item, day) per paid line: tx is the order, or the buyer when pairs span a
  // buyer's orders. Never materialised whole: each step reads the lines it needs.
  const lines: Lines = (p) => `SELECT l.shop_id, ${byBuyer ? 'o.customer_id' : 'l.order_id'} AS tx, ${item} AS item, l.paid_day AS d
    FROM order_lines l ${joinProducts} ${byBuyer ? 'JOIN orders o ON o.shop_id = l.shop_id AND o.order_id = l.order_id' : ''}
    WHERE l.paid_day IS NOT NULL AND ${p.scope(options.scope, 'l.shop_id')} AND ${p.days('l.paid_day', o.from, o.to)}
      ${byBuyer ? 'AND o.customer_id IS NOT NULL' : ''}`;
  const p = new Params(wh);
  // Lines per transaction: the transaction count, and which can hold a pair (two lines or more;
  // a plain count, as a count of distinct items per group costs several times more).
  return withTempTable(wh, 'basket_tx', `SELECT shop_id, tx, count(*) AS k FROM (${lines(p)}) x GROUP BY shop_id, tx`, p.values, async (tx) => {
    const [tot] = await wh.query(`SELECT count(*) AS n FROM ${tx}`);
    const n = count(tot?.n);
    if (n === 0) fail(E.ANALYSIS_NO_DATA, { name: 'basket', what: 'no paid order lines in scope / 范围内没有已付款订单行' });
    return basketResult(o, n, await topPairs(wh, lines, tx, o));
  });
}

type Lines = (p: Params) => string;

/**
 * The top pairs with the transaction counts of each item. Only transactions with two or more
 * lines can hold a pair — most orders have one — so the distinct (transaction, item, day) rows
 * and their self-join cover a small part of the lines. Pairs rank by co-purchases first, so
 * only pairs at or above the `top`-th count can be shown, and only their items are counted (a
 * distinct count per item over every transaction is otherwise the slowest, largest step).
 */
async function topPairs(wh: Warehouse, lines: Lines, tx: string, o: z.output<typeof basketOptions>): Promise<Record<string, unknown>[]> {
  const near = o.within === 'buyer' ? `AND ${wh.dialect.daysBetween('a.d', 'b.d')} BETWEEN -${o.windowDays} AND ${o.windowDays}` : '';
  const p = new Params(wh);
  const multi = `SELECT DISTINCT s.shop_id, s.tx, s.item, s.d FROM (${lines(p)}) s JOIN ${tx} m ON m.shop_id = s.shop_id AND m.tx = s.tx WHERE m.k >= 2`;
  return withTempTable(wh, 'basket_multi', multi, p.values, (mt) => {
    const pairs = `SELECT shop_id, a, b, count(*) AS n_ab FROM (
        SELECT DISTINCT a.shop_id, a.tx, a.item AS a, b.item AS b FROM ${mt} a
        JOIN ${mt} b ON b.shop_id = a.shop_id AND b.tx = a.tx AND a.item < b.item ${near}) x
      GROUP BY shop_id, a, b HAVING count(*) >= ${o.minCount}`;
    return withTempTable(wh, 'basket_pairs', pairs, [], (pt) => {
      const shown = `SELECT * FROM ${pt} WHERE n_ab >= (SELECT min(n_ab) FROM (SELECT n_ab FROM ${pt} ORDER BY n_ab DESC LIMIT ${o.top}) c)`;
      return withTempTable(wh, 'basket_shown', shown, [], (sp) => {
        const q = new Params(wh);
        const items = `SELECT DISTINCT shop_id, a AS item FROM ${sp} UNION SELECT DISTINCT shop_id, b AS item FROM ${sp}`;
        const itemCounts = `SELECT s.shop_id, s.item, count(DISTINCT s.tx) AS n FROM (${lines(q)}) s
          JOIN (${items}) i ON i.shop_id = s.shop_id AND i.item = s.item GROUP BY s.shop_id, s.item`;
        return withTempTable(wh, 'basket_items', itemCounts, q.values, (ic) => {
          const withA = `SELECT pp.shop_id, pp.a, pp.b, pp.n_ab, ia.n AS n_a FROM ${sp} pp JOIN ${ic} ia ON ia.shop_id = pp.shop_id AND ia.item = pp.a`;
          return wh.query(`SELECT wa.shop_id, wa.a, wa.b, wa.n_ab, wa.n_a, ib.n AS n_b FROM (${withA}) wa
            JOIN ${ic} ib ON ib.shop_id = wa.shop_id AND ib.item = wa.b
            ORDER BY wa.n_ab DESC, CAST(wa.n_ab AS DOUBLE) / (CAST(wa.n_a AS DOUBLE) * ib.n) DESC, wa.shop_id, wa.a, wa.b LIMIT ${o.top}`);
        });
      });
    });
  });
}

function basketResult(o: z.output<typeof basketOptions>, n: number, rows: Record<string, unknown>[]): AnalysisResult {
  const byBuyer = o.within === 'buyer';
  const unit = byBuyer ? { zh: `同一买家 ${o.windowDays} 天内`, en: `same buyer within ${o.windowDays} days` } : { zh: '同一订单', en: 'same order' };
  return {
    analysis: 'basket', title: { zh: `关联购买(${unit.zh})`, en: `basket pairs (${unit.en})` },
    metrics: ['paid_orders', 'paying_buyers'],
    summary: { within: o.within, item: o.item, transactions: n, pairs_shown: rows.length },
    tables: {
      pairs: {
        title: { zh: '商品组合(按共同购买次数)', en: 'pairs by co-purchases' },
        rows: rows.map((r) => {
          const [ab, a, b] = [count(r.n_ab), count(r.n_a), count(r.n_b)];
          return {
            shop_id: r.shop_id as string, item_a: r.a as string, item_b: r.b as string, together: ab, with_a: a, with_b: b,
            support: ratio(ab / n), confidence_a_to_b: ratio(ab / a), confidence_b_to_a: ratio(ab / b), lift: ratio((ab * n) / (a * b)),
          };
        }),
      },
    },
    notes: byBuyer ? [{ zh: '没有买家标识的订单(如拼多多)不参与按买家的关联', en: 'orders without a buyer id (e.g. Pinduoduo) are not in buyer pairs' }] : [],
  };
}
