import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../../test/helpers/store.js';
import { adSpendDaily, orders } from '../../model/index.js';
import { order } from '../testing/rows.js';
import { channelRoiAnalysis } from './channel-roi.js';

/*
 * Period 03-01..03-04; halves 03-01..02 and 03-03..04. Yuan:
 *   直通车/A  03-01 cost 100 gmv 500 (1000 imp, 50 clicks, 5 orders); 03-03 cost 200 gmv 900 (1000, 50, 8)
 *             → CTR .05, CPC 3.00, ROI 1400/300, cost per order 300/13 = 23.08, marginal (900−500)/(200−100) = 4
 *   引力魔方/B 03-02 cost 100 gmv 300; 03-04 cost 150 gmv 320 → marginal 20/50 = .4
 *   万相台/C  03-01 cost 50 gmv 100 → second half nothing: (0−100)/(0−50) = 2
 * Budget: from 引力魔方 to 直通车. New buyers X (03-02) and Z (03-03); Y bought first in February → CAC 600 / 2 = 300.
 */
describe('channel ROI', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    const a = (day: string, channel: string, campaign: string, cost: number, gmv: number, imp = 0, clk = 0, ord = 0) => ({
      shop_id: 's1', day, channel, campaign, impressions: BigInt(imp), clicks: BigInt(clk), cost: BigInt(cost * 100), attributed_orders: ord, attributed_gmv: BigInt(gmv * 100),
    });
    await store.wh.bulkLoad(adSpendDaily, [
      a('2026-03-01', '直通车', 'A', 100, 500, 1000, 50, 5), a('2026-03-03', '直通车', 'A', 200, 900, 1000, 50, 8),
      a('2026-03-02', '引力魔方', 'B', 100, 300), a('2026-03-04', '引力魔方', 'B', 150, 320), a('2026-03-01', '万相台', 'C', 50, 100),
      { ...a('2026-03-01', '直通车', 'Z', 9999, 1), shop_id: 's2' },
    ]);
    await store.wh.bulkLoad(orders, [
      order({ id: '1', customer: 'X', day: '2026-03-02', fen: 100n }), order({ id: '2', customer: 'Y', day: '2026-02-15', fen: 100n }),
      order({ id: '3', customer: 'Y', day: '2026-03-02', fen: 100n }), order({ id: '4', customer: 'Z', day: '2026-03-03', fen: 100n }),
    ]);
  });
  after(() => store.cleanup());

  it('computes CTR, CPC, ROI, cost per order and CAC, and ranks channels by marginal ROI', async () => {
    const r = await channelRoiAnalysis(store.wh, { from: '2026-03-01', to: '2026-03-04', scope: { shopIds: ['s1'] } });
    const a = r.tables.campaigns!.rows.find((x) => x.campaign === 'A')!;
    assert.deepEqual([a.cost, a.ctr, a.cpc, a.roi, a.cost_per_order], ['300.00', 0.05, '3.00', Number((1400 / 300).toFixed(4)), '23.08']);
    assert.deepEqual(r.tables.channels!.rows.map((c) => [c.channel, c.marginal_roi, c.rank]), [['直通车', 4, 1], ['万相台', 2, 2], ['引力魔方', 0.4, 3]]);
    assert.deepEqual([r.summary.shift_from, r.summary.shift_to], ['引力魔方', '直通车']);
    assert.deepEqual(r.tables.cac!.rows.map((c) => [c.shop_id, c.ad_cost, c.new_buyers, c.cac]), [['s1', '600.00', 2, '300.00']]);
  });
});
