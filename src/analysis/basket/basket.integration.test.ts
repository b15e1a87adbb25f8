import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../../test/helpers/store.js';
import { orderLines, orders, products } from '../../model/index.js';
import { line, order, product } from '../testing/rows.js';
import { basketAnalysis } from './basket.js';

/*
 *   order  buyer day    SKUs          categories
 *   o1     A     03-01  P1 P2         X
 *   o2     B     03-01  P1 P2 P3      X Y
 *   o3     C     03-01  P1            X
 *   o4     A     04-15  P2 P3         X Y
 *   o5     D     03-05  P4            Z
 *   o6     D     03-20  P1            X
 *   s2 has one order with P1 P2 (out of scope).
 */
const spec: [string, string, string, string[]][] = [
  ['o1', 'A', '03-01', ['P1', 'P2']], ['o2', 'B', '03-01', ['P1', 'P2', 'P3']], ['o3', 'C', '03-01', ['P1']],
  ['o4', 'A', '04-15', ['P2', 'P3']], ['o5', 'D', '03-05', ['P4']], ['o6', 'D', '03-20', ['P1']],
];

describe('basket analysis', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    const wh = store.wh;
    await wh.bulkLoad(products, [product({ sku: 'P1', cat: 'X' }), product({ sku: 'P2', cat: 'X' }), product({ sku: 'P3', cat: 'Y' }), product({ sku: 'P4', cat: 'Z' })]);
    await wh.bulkLoad(orders, [...spec.map(([id, c, d]) => order({ id, customer: c, day: `2026-${d}`, fen: 100n })), order({ shop: 's2', id: 'x', customer: 'X', day: '2026-03-01', fen: 100n })]);
    await wh.bulkLoad(orderLines, [
      ...spec.flatMap(([id, , d, skus]) => skus.map((sku) => line({ order: id, sku, fen: 100n, day: `2026-${d}` }))),
      line({ shop: 's2', order: 'x', sku: 'P1', fen: 100n, day: '2026-03-01' }), line({ shop: 's2', order: 'x', sku: 'P2', fen: 100n, day: '2026-03-01' }),
    ]);
  });
  after(() => store.cleanup());
  const pairs = (r: Awaited<ReturnType<typeof basketAnalysis>>) => r.tables.pairs!.rows.map((x) => [x.item_a, x.item_b, x.together, x.lift]);

  it('finds SKU pairs within orders with support, confidence and lift', async () => {
    const r = await basketAnalysis(store.wh, { scope: { shopIds: ['s1'] } });
    // 6 orders; P1 in 4, P2 in 3, P3 in 2. P1P2 together 2 → lift 2·6/(4·3) = 1; P2P3 2 → 2·6/(3·2) = 2; P1P3 once (below minCount 2)
    assert.equal(r.summary.transactions, 6);
    assert.deepEqual(pairs(r), [['P2', 'P3', 2, 2], ['P1', 'P2', 2, 1]]);
    const p12 = r.tables.pairs!.rows[1]!;
    assert.equal(p12.confidence_a_to_b, 0.5); // 2 of the 4 P1 orders hold P2
    assert.equal(p12.support, Number((2 / 6).toFixed(6)));
  });

  it('pairs within a buyer’s 30 days', async () => {
    const r = await basketAnalysis(store.wh, { within: 'buyer', minCount: 1, scope: { shopIds: ['s1'] } });
    // 4 buyers; P1: A B C D, P2: A B, P3: A B, P4: D. A's P1 (03-01) and P3 (04-15) are 45 days apart: no pair.
    assert.deepEqual(pairs(r), [['P2', 'P3', 2, 2], ['P1', 'P2', 2, 1], ['P1', 'P4', 1, 1], ['P1', 'P3', 1, 0.5]]);
  });

  it('pairs categories', async () => {
    const r = await basketAnalysis(store.wh, { item: 'category', scope: { shopIds: ['s1'] } });
    // X in 5 orders, Y in 2, together in 2: lift 2·6/(5·2) = 1.2
    assert.deepEqual(pairs(r), [['X', 'Y', 2, 1.2]]);
  });
});
