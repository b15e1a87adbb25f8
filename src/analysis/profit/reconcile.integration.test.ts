import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../../test/helpers/store.js';
import { importOrderOrigins, importRuns, orderStatusHistory, orders, refunds, settlements } from '../../model/index.js';
import { order, refund } from '../testing/rows.js';
import { reconcileAnalysis } from './reconcile.js';

/*
 * As of 03-31, settle within 15 days. s1 orders (paid):
 *   o1 03-01 100, settled 95 + fee 5            → fine
 *   o2 03-01 100, not settled (30 days)         → unsettled 100
 *   o3 03-25 100, not settled (6 days)          → not yet due
 *   o4 03-01 100, fully refunded                → nothing owed
 *   o5 03-01 100, refunded 30, settled 70 + 5   → differs by +5
 *   o6 03-02 50, settled 40 + 0                 → differs by −10
 * ERP: e1 (03-03, 10) only in the ERP export — and so never settled (28 days); o1 seen by the ERP run, o2 never → missing in ERP.
 */
describe('reconciliation', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    const wh = store.wh;
    const o = (id: string, day: string, yuan: number) => order({ id, customer: 'c', day, fen: BigInt(yuan * 100) });
    await wh.bulkLoad(orders, [o('o1', '2026-03-01', 100), o('o2', '2026-03-01', 100), o('o3', '2026-03-25', 100), o('o4', '2026-03-01', 100), o('o5', '2026-03-01', 100), o('o6', '2026-03-02', 50), o('e1', '2026-03-03', 10)]);
    await wh.bulkLoad(refunds, [refund({ id: 'r4', order: 'o4', fen: 10000n, day: '2026-03-05' }), refund({ id: 'r5', order: 'o5', fen: 3000n, day: '2026-03-05' })]);
    const s = (id: string, amount: number, fee: number) => ({ shop_id: 's1', order_id: id, settled_at: new Date('2026-03-10T02:00:00Z'), settled_day: '2026-03-10', amount: BigInt(amount * 100), fee: BigInt(fee * 100) });
    await wh.bulkLoad(settlements, [s('o1', 95, 5), s('o5', 70, 5), s('o6', 40, 0)]);
    const run = (id: string, source: string) => ({
      run_id: id, started_at: new Date(), finished_at: new Date(), file: `${id}.csv`, sha256: id, source, encoding: 'utf-8', shop_ids: 's1', status: 'committed',
      strict: false, rows_read: 1, rows_inserted: 1, rows_updated: 0, rows_unchanged: 0, rows_quarantined: 0, duration_ms: 1,
    });
    await wh.bulkLoad(importRuns, [run('p', 'taobao-orders'), run('e', 'jst-orders')]);
    const origin = (id: string, role: string, source: string, runId: string) => ({ shop_id: 's1', order_id: id, role, source, run_id: runId, amounts_from_lines: false, alloc_lines: false });
    await wh.bulkLoad(importOrderOrigins, [origin('o1', 'platform', 'taobao-orders', 'p'), origin('o2', 'platform', 'taobao-orders', 'p'), origin('e1', 'erp', 'jst-orders', 'e')]);
    await wh.bulkLoad(orderStatusHistory, [{ shop_id: 's1', order_id: 'o1', seen_at: new Date(), status: 'paid', status_raw: '已付款', run_id: 'e' }]);
  });
  after(() => store.cleanup());

  it('finds unsettled orders, amount mismatches and ERP gaps', async () => {
    const r = await reconcileAnalysis(store.wh, { asOf: '2026-03-31', scope: { shopIds: ['s1'] } });
    assert.deepEqual(r.tables.unsettled!.rows.map((x) => [x.order_id, x.due, x.days]), [['o2', '100.00', 30], ['e1', '10.00', 28]]);
    assert.deepEqual(r.tables.mismatches!.rows.map((x) => [x.order_id, x.due, x.difference]), [['o6', '50.00', '-10.00'], ['o5', '70.00', '5.00']]);
    assert.deepEqual(r.tables.erp_only!.rows.map((x) => x.order_id), ['e1']);
    assert.deepEqual(r.tables.missing_in_erp!.rows.map((x) => x.order_id), ['o2']);
    assert.equal(r.summary.unsettled_amount, '110.00');
    assert.doesNotMatch(JSON.stringify(r.notes), /no settlement bills/);
  });

  it('sees nothing outside its scope', async () => {
    const r = await reconcileAnalysis(store.wh, { asOf: '2026-03-31', scope: { shopIds: ['s2'] } });
    assert.deepEqual([r.summary.unsettled_orders, r.summary.amount_mismatches, r.summary.erp_only_orders, r.summary.missing_in_erp_orders], [0, 0, 0, 0]);
    assert.match(JSON.stringify(r.notes), /no settlement bills in the store/, 's2 has no bill in scope');
  });
});
