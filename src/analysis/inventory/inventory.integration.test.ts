import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../../test/helpers/store.js';
import { campaignPhasesTable, campaigns, inventoryDaily, orderLines, purchases, shops } from '../../model/index.js';
import { line, shop } from '../testing/rows.js';
import { inventoryAnalysis } from './inventory.js';

/*
 * As of 03-31, 30-day period 03-02..03-31 (opening snapshot 03-01). Unit cost 10.
 *   K1: opening 100; 03-31 on hand 60, available 50, nothing in transit; sold 14 on 03-20 and 14 on 03-25;
 *       20 arrived 03-10. Rate 28/14 = 2 a day → cover 25 days; sell-through 28 / (100 + 20).
 *       Burst days 04-05, 04-06 (×3): demand 2·4 + 6 + 6 = 20 by 04-06, then 2 a day → 50 reached 04-21.
 *       Lead 15 days: 13·2 + 2·6 = 38, safety 7·2 = 14 → reorder 38 + 14 − 50 = 2.
 *   K2: 30 on hand, no sale → slow mover.   K3: out of stock, sold 7 on 03-30 (.5 a day) → out already;
 *       reorder 13·.5 + 2·1.5 + 7·.5 = 13.
 */
describe('inventory health', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    const wh = store.wh;
    await wh.bulkLoad(shops, [shop('s1')]);
    const inv = (sku: string, day: string, onHand: number, available: number, transit = 0) =>
      ({ shop_id: 's1', sku_id: sku, warehouse: 'w1', day, on_hand: onHand, available, in_transit: transit, unit_cost: 1000n });
    await wh.bulkLoad(inventoryDaily, [inv('K1', '2026-03-01', 100, 100), inv('K1', '2026-03-31', 60, 50), inv('K2', '2026-03-31', 30, 30), inv('K3', '2026-03-31', 0, 0)]);
    await wh.bulkLoad(orderLines, [
      line({ order: 'a', sku: 'K1', qty: 14, fen: 14000n, day: '2026-03-20' }), line({ order: 'b', sku: 'K1', qty: 14, fen: 14000n, day: '2026-03-25' }),
      line({ order: 'c', sku: 'K3', qty: 7, fen: 7000n, day: '2026-03-30' }),
    ]);
    await wh.bulkLoad(purchases, [{ purchase_id: 'p1', shop_id: 's1', sku_id: 'K1', warehouse: 'w1', qty: 20, cost: 20000n, ordered_at: new Date('2026-03-01T00:00:00Z'), arrived_at: new Date('2026-03-10T02:00:00Z'), arrived_day: '2026-03-10' }]);
    await wh.bulkLoad(campaigns, [{ campaign_id: 'c1', name: '春促', kind: 'other', year: 2026, shop_id: null, gmv_target: 0n, new_buyer_target: 0, roi_target: 0, budget: 0n }]);
    await wh.bulkLoad(campaignPhasesTable, [{ campaign_id: 'c1', phase: 'burst', start_day: '2026-04-05', end_day: '2026-04-06', gmv_target: 0n }]);
  });
  after(() => store.cleanup());

  it('gives cover, sell-through, slow movers, stock-out days with campaign peaks and reorder quantities', async () => {
    const r = await inventoryAnalysis(store.wh, { asOf: '2026-03-31', scope: { shopIds: ['s1'] } });
    const k = Object.fromEntries(r.tables.skus!.rows.map((x) => [x.sku_id, x]));
    assert.deepEqual([k.K1!.days_of_cover, k.K1!.sell_through, k.K1!.stockout_day, k.K1!.reorder_units], [25, Number((28 / 120).toFixed(4)), '2026-04-21', 2]);
    assert.deepEqual([k.K2!.slow_mover, k.K2!.days_of_cover, k.K2!.stockout_day, k.K2!.reorder_units], [true, null, null, 0]);
    assert.deepEqual([k.K3!.stockout_day, k.K3!.reorder_units], ['2026-03-31', 13]);
    assert.deepEqual([r.summary.skus_in_stock, r.summary.active_sku_rate, r.summary.slow_moving_share], [2, 0.5, 0.5]);
  });

  it('reads nothing outside the scope', async () => {
    await assert.rejects(inventoryAnalysis(store.wh, { scope: { shopIds: ['s9'] } }), /ANALYSIS_NO_DATA/);
  });
});
