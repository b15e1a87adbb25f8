import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../../test/helpers/store.js';
import { orderLines, orders, products, refunds } from '../../model/index.js';
import { line, order, product, refund } from '../testing/rows.js';
import { abcAnalysis } from './abc.js';

/*
 * s1 SKUs (category, unit cost): P1 (X, 10) P2 (X, 20) P3 (Y, none) P4 (Y, 5) P5 (Z, 1)
 * March sales: P1 500 (5 units), P2 300 (3), P3 100 (1), P4 60 (2), P5 40 (4); total 1000
 * Refund of one P1 unit, 100 yuan, successful 03-20; a pending P2 refund does not count.
 * s2 sells P9 for 9999: out of scope.
 */
describe('abc analysis', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    const wh = store.wh;
    await wh.bulkLoad(products, [
      product({ sku: 'P1', cat: 'X', cost: 1000n }), product({ sku: 'P2', cat: 'X', cost: 2000n }), product({ sku: 'P3', cat: 'Y', cost: null }),
      product({ sku: 'P4', cat: 'Y', cost: 500n }), product({ sku: 'P5', cat: 'Z', cost: 100n }), product({ shop: 's2', sku: 'P9', cat: 'X', cost: 0n }),
    ]);
    const d = '2026-03-10';
    await wh.bulkLoad(orderLines, [
      line({ order: 'o1', sku: 'P1', qty: 5, fen: 50000n, day: d }), line({ order: 'o2', sku: 'P2', qty: 3, fen: 30000n, day: d }),
      line({ order: 'o3', sku: 'P3', qty: 1, fen: 10000n, day: d }), line({ order: 'o4', sku: 'P4', qty: 2, fen: 6000n, day: d }),
      line({ order: 'o5', sku: 'P5', qty: 4, fen: 4000n, day: d }), line({ shop: 's2', order: 'o9', sku: 'P9', fen: 999900n, day: d }),
    ]);
    await wh.bulkLoad(refunds, [
      refund({ id: 'r1', order: 'o1', sku: 'P1', qty: 1, fen: 10000n, day: '2026-03-20' }),
      { ...refund({ id: 'r2', order: 'o2', sku: 'P2', qty: 1, fen: 10000n, day: '2026-03-21' }), status: 'pending', finished_at: null, finished_day: null },
    ]);
  });
  after(() => store.cleanup());
  const classOf = (r: Awaited<ReturnType<typeof abcAnalysis>>) => Object.fromEntries(r.tables.ranking!.rows.map((x) => [x.entity, x.class]));

  it('classes SKUs by paid amount, the SKU crossing 70 % included in A', async () => {
    const r = await abcAnalysis(store.wh, { scope: { shopIds: ['s1'] } });
    // cumulative before each: P1 0, P2 .5, P3 .8, P4 .9, P5 .96
    assert.deepEqual(classOf(r), { P1: 'A', P2: 'A', P3: 'B', P4: 'C', P5: 'C' });
    assert.equal(r.summary.total, '1000.00');
    assert.equal(r.summary.hit_count, 2);
    assert.deepEqual(r.tables.classes!.rows.map((c) => c.paid_amount), ['800.00', '100.00', '100.00']);
  });

  it('classes by gross profit: refunds and cost of goods come off', async () => {
    const r = await abcAnalysis(store.wh, { measure: 'gross_profit', scope: { shopIds: ['s1'] } });
    // P1 500 − 50 − (100 − 10) = 360, P2 240, P3 100 (no cost), P4 50, P5 36; total 786
    assert.deepEqual(r.tables.ranking!.rows.map((x) => [x.entity, x.gross_profit]),
      [['P1', '360.00'], ['P2', '240.00'], ['P3', '100.00'], ['P4', '50.00'], ['P5', '36.00']]);
    // before: P1 0, P2 .458, P3 .763, P4 .891, P5 .954
    assert.deepEqual(classOf(r), { P1: 'A', P2: 'A', P3: 'B', P4: 'B', P5: 'C' });
    assert.equal(r.notes.length, 1); // P3 has no unit cost
  });

  it('classes categories with configurable thresholds', async () => {
    const r = await abcAnalysis(store.wh, { by: 'category', thresholds: [0.5, 0.95], scope: { shopIds: ['s1'] } });
    // X 800, Y 160, Z 40: before X 0 → A, Y .8 → B, Z .96 → C
    assert.deepEqual(classOf(r), { X: 'A', Y: 'B', Z: 'C' });
  });

  it('classes buyers by paid amount within dates and shops', async () => {
    const wh = store.wh;
    // s1: b1 pays 600 (o1, o2 in March), b2 300, b3 100; an April order of b3 and s2's buyer fall outside
    await wh.bulkLoad(orders, [
      order({ id: 'c1', customer: 'b1', day: '2026-03-02', fen: 40000n }), order({ id: 'c2', customer: 'b1', day: '2026-03-30', fen: 20000n }),
      order({ id: 'c3', customer: 'b2', day: '2026-03-05', fen: 30000n }), order({ id: 'c4', customer: 'b3', day: '2026-03-09', fen: 10000n }),
      order({ id: 'c5', customer: 'b3', day: '2026-04-01', fen: 90000n }), order({ shop: 's2', id: 'c9', customer: 'x9', day: '2026-03-09', fen: 99900n }),
    ]);
    const r = await abcAnalysis(wh, { by: 'customer', from: '2026-03-01', to: '2026-03-31', scope: { shopIds: ['s1'] } });
    assert.deepEqual(r.tables.ranking!.rows.map((x) => [x.entity, x.paid_amount]), [['b1', '600.00'], ['b2', '300.00'], ['b3', '100.00']]);
    // before: b1 0, b2 .6 (< .7: A), b3 .9 (not < .9: C)
    assert.deepEqual(classOf(r), { b1: 'A', b2: 'A', b3: 'C' });
    await wh.exec('DELETE FROM orders');
  });

  it('reads every shop when the scope is all', async () => {
    const r = await abcAnalysis(store.wh, {});
    assert.equal(r.summary.total, '10999.00');
    assert.equal(r.tables.ranking!.rows[0]!.entity, 'P9');
  });
});
