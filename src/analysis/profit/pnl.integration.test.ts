import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../../test/helpers/store.js';
import { expenses, orderLines, orders, products, refunds } from '../../model/index.js';
import { line, order, product, refund } from '../testing/rows.js';
import { pnlAnalysis } from './pnl.js';

/*
 * s1: P1 costs 10, P2 has no cost.
 *   o1 paid 03-05: P1 ×2 150 + P2 ×1 50 = 200      o2 paid 04-02: P1 ×1 100
 *   refunds (successful): 03-10 return of one P1, 75; 04-05 refund only on P2, 20; a pending one is ignored
 *   expenses: 03-01 commission 10, marketing 30; 04-01 labour 5
 * By shop: paid 300 − refunds 95 = net 205; COGS 3 × 10 − 1 × 10 = 20; gross 185; expenses 45; net profit 140
 */
describe('P&L', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    const wh = store.wh;
    await wh.bulkLoad(products, [product({ sku: 'P1', cost: 1000n }), product({ sku: 'P2', cost: null })]);
    await wh.bulkLoad(orders, [
      order({ id: 'o1', customer: 'a', day: '2026-03-05', fen: 20000n }), order({ id: 'o2', customer: 'a', day: '2026-04-02', fen: 10000n }),
      order({ shop: 's2', id: 'x', customer: 'b', day: '2026-03-05', fen: 99900n }),
    ]);
    await wh.bulkLoad(orderLines, [
      line({ order: 'o1', sku: 'P1', qty: 2, fen: 15000n, day: '2026-03-05' }), line({ order: 'o1', sku: 'P2', fen: 5000n, day: '2026-03-05' }),
      line({ order: 'o2', sku: 'P1', fen: 10000n, day: '2026-04-02' }),
    ]);
    await wh.bulkLoad(refunds, [
      { ...refund({ id: 'r1', order: 'o1', sku: 'P1', qty: 1, fen: 7500n, day: '2026-03-10' }), type: 'return_refund' },
      refund({ id: 'r2', order: 'o2', sku: 'P2', fen: 2000n, day: '2026-04-05' }),
      { ...refund({ id: 'r3', order: 'o2', sku: 'P1', fen: 9999n, day: '2026-04-06' }), status: 'pending' },
    ]);
    const e = (day: string, kind: string, fen: bigint) => ({ shop_id: 's1', day, kind, amount: fen });
    await wh.bulkLoad(expenses, [e('2026-03-01', 'commission', 1000n), e('2026-03-01', 'marketing', 3000n), e('2026-04-01', 'labour', 500n)]);
  });
  after(() => store.cleanup());
  const pick = (r: Awaited<ReturnType<typeof pnlAnalysis>>, cols: string[]) => r.tables.pnl!.rows.map((x) => cols.map((c) => x[c]));

  it('runs paid → refunds → net sales → COGS → gross profit → expenses → net profit by shop', async () => {
    const r = await pnlAnalysis(store.wh, { scope: { shopIds: ['s1'] } });
    assert.deepEqual(pick(r, ['shop', 'paid_amount', 'refund_amount', 'net_sales', 'cogs', 'gross_profit', 'commission', 'marketing', 'labour', 'expense_amount', 'net_profit']),
      [['s1', '300.00', '95.00', '205.00', '20.00', '185.00', '10.00', '30.00', '5.00', '45.00', '140.00']]);
    assert.equal(r.tables.pnl!.rows[0]!.gross_margin, Number((185 / 205).toFixed(6)));
  });

  it('splits by month: refunds and expenses fall in their own month', async () => {
    const r = await pnlAnalysis(store.wh, { by: 'month', scope: { shopIds: ['s1'] } });
    // March: 200 − 75 = 125, COGS 2·10 − 10 = 10, gross 115, expenses 40 → 75. April: 100 − 20 = 80, COGS 10, gross 70, expenses 5 → 65
    assert.deepEqual(pick(r, ['month', 'net_sales', 'cogs', 'gross_profit', 'net_profit']), [
      ['2026-03-01', '125.00', '10.00', '115.00', '75.00'], ['2026-04-01', '80.00', '10.00', '70.00', '65.00'],
    ]);
  });

  it('by SKU stops at gross profit', async () => {
    const r = await pnlAnalysis(store.wh, { by: 'sku', scope: { shopIds: ['s1'] } });
    assert.deepEqual(pick(r, ['sku', 'paid_amount', 'refund_amount', 'cogs', 'gross_profit', 'net_profit']), [
      ['P1', '250.00', '75.00', '20.00', '155.00', undefined], ['P2', '50.00', '20.00', '0.00', '30.00', undefined],
    ]);
  });
});
