/**
 * Differential: basket pairs counted on multi-item transactions only (with the item counts
 * built once) equal the plain self-join over every transaction that the analysis ran before,
 * on a small demo store, for order and buyer baskets, SKUs and categories.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../../test/helpers/store.js';
import { generateDemo } from '../../demo/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import { basketAnalysis } from './basket.js';

/** The pre-change SQL, whole: every (shop, tx, item, day) joined with itself. */
async function plainPairs(wh: Warehouse, within: 'order' | 'buyer', item: 'sku' | 'category', minCount: number, top: number) {
  const byBuyer = within === 'buyer';
  const it = item === 'sku' ? 'l.sku_id' : "coalesce(pr.category_l3, '(unknown)')";
  const t = `(SELECT DISTINCT l.shop_id, ${byBuyer ? 'o.customer_id' : 'l.order_id'} AS tx, ${it} AS item, l.paid_day AS d FROM order_lines l
    ${item === 'category' ? 'LEFT JOIN products pr ON pr.shop_id = l.shop_id AND pr.sku_id = l.sku_id' : ''}
    ${byBuyer ? 'JOIN orders o ON o.shop_id = l.shop_id AND o.order_id = l.order_id' : ''}
    WHERE l.paid_day IS NOT NULL ${byBuyer ? 'AND o.customer_id IS NOT NULL' : ''})`;
  const near = byBuyer ? `AND date_diff('day', a.d, b.d) BETWEEN -30 AND 30` : '';
  const pairs = `SELECT shop_id, a, b, count(*) AS n_ab FROM (SELECT DISTINCT a.shop_id, a.tx, a.item AS a, b.item AS b FROM ${t} a
    JOIN ${t} b ON b.shop_id = a.shop_id AND b.tx = a.tx AND a.item < b.item ${near}) x GROUP BY shop_id, a, b HAVING count(*) >= ${minCount}`;
  const items1 = `SELECT shop_id, item, count(DISTINCT tx) AS n FROM ${t} x GROUP BY shop_id, item`;
  return wh.query(`SELECT pp.shop_id, pp.a, pp.b, pp.n_ab, ia.n AS n_a, ib.n AS n_b FROM (${pairs}) pp
    JOIN (${items1}) ia ON ia.shop_id = pp.shop_id AND ia.item = pp.a JOIN (${items1}) ib ON ib.shop_id = pp.shop_id AND ib.item = pp.b
    ORDER BY pp.n_ab DESC, CAST(pp.n_ab AS DOUBLE) / (CAST(ia.n AS DOUBLE) * ib.n) DESC, pp.shop_id, pp.a, pp.b LIMIT ${top}`);
}

describe('basket pairs on multi-item transactions equal the plain self-join', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    await generateDemo(store.wh, { orderLines: 3_000, seed: 5, endDay: '2026-06-30' });
  });
  after(() => store.cleanup());

  for (const within of ['order', 'buyer'] as const) {
    for (const item of ['sku', 'category'] as const) {
      it(`${within} baskets of ${item}s: every pair, and the top few (ties at the cut)`, async () => {
        for (const [minCount, top] of [[1, 10_000], [1, 5], [2, 3]] as const) {
          const r = await basketAnalysis(store.wh, { within, item, minCount, top });
          const plain = await plainPairs(store.wh, within, item, minCount, top);
          assert.ok(plain.length > 0, 'the demo has pairs');
          assert.deepEqual(r.tables.pairs!.rows.map((p) => [p.shop_id, p.item_a, p.item_b, p.together, p.with_a, p.with_b]),
            plain.map((p) => [p.shop_id, p.a, p.b, Number(p.n_ab), Number(p.n_a), Number(p.n_b)]), JSON.stringify({ minCount, top }));
        }
      });
    }
  }
});
