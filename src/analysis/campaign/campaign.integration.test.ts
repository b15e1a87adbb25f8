import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../../test/helpers/store.js';
import { adSpendDaily, campaignPhasesTable, campaigns, orders, refunds } from '../../model/index.js';
import { order, refund } from '../testing/rows.js';
import { campaignAnalysis } from './campaign.js';

/*
 * s1, 618 of 2026: 预热 06-01..06-02 (target 300), 爆发 06-03 (target 500); 618 of 2025: 爆发 2025-06-03.
 *   05-10 B pays 280 (no campaign) → the 4 weeks before average 10 a day
 *   06-01 A 100 (A's first order ever), 06-02 B 200 → 预热 300, attainment 1, buyers 2, new 1, AOV 150, uplift 150/10 − 1 = 14
 *   06-03 A 400 (campaign) + C 100 (not in the campaign) → 爆发 400, attainment .8, uplift 500/10 − 1 = 49
 *   refund 50 on the 06-03 order → refund rate 50 / 700; ads 06-03 cost 100, attributed 800 → ROI 8
 *   2025 爆发 paid 250 → vs last year 400/250 − 1 = .6
 */
describe('campaign review', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    const wh = store.wh;
    const c = (id: string, year: number) => ({ campaign_id: id, name: `${year} 618`, kind: '618', year, shop_id: 's1', gmv_target: 80000n, new_buyer_target: 0, roi_target: 3, budget: 0n });
    await wh.bulkLoad(campaigns, [c('c25', 2025), c('c26', 2026)]);
    const ph = (id: string, phase: string, a: string, b: string, target: number) => ({ campaign_id: id, phase, start_day: a, end_day: b, gmv_target: BigInt(target * 100) });
    await wh.bulkLoad(campaignPhasesTable, [ph('c26', 'warmup', '2026-06-01', '2026-06-02', 300), ph('c26', 'burst', '2026-06-03', '2026-06-03', 500), ph('c25', 'burst', '2025-06-03', '2025-06-03', 300)]);
    const o = (id: string, customer: string, day: string, yuan: number, campaign?: string) => order({ id, customer, day, fen: BigInt(yuan * 100), ...(campaign ? { campaign } : {}) });
    await wh.bulkLoad(orders, [
      o('b0', 'B', '2026-05-10', 280), o('o1', 'A', '2026-06-01', 100, 'c26'), o('o2', 'B', '2026-06-02', 200, 'c26'),
      o('o3', 'A', '2026-06-03', 400, 'c26'), o('o4', 'C', '2026-06-03', 100), o('o5', 'D', '2025-06-03', 250, 'c25'),
    ]);
    await wh.bulkLoad(refunds, [refund({ id: 'r1', order: 'o3', fen: 5000n, day: '2026-06-20' })]);
    await wh.bulkLoad(adSpendDaily, [{ shop_id: 's1', day: '2026-06-03', channel: '直通车', campaign: '618', impressions: 0n, clicks: 0n, cost: 10000n, attributed_orders: 0, attributed_gmv: 80000n }]);
  });
  after(() => store.cleanup());

  it('reviews each phase against target, the 4 weeks before and last year', async () => {
    const r = await campaignAnalysis(store.wh, { year: 2026, scope: { shopIds: ['s1'] } });
    const cols = ['phase', 'paid_amount', 'attainment', 'buyers', 'new_buyers', 'aov', 'roi', 'uplift_vs_4_weeks_before', 'vs_last_year'];
    assert.deepEqual(r.tables.phases!.rows.map((x) => cols.map((k) => x[k])), [
      ['warmup', '300.00', 1, 2, 1, '150.00', null, 14, null],
      ['burst', '400.00', 0.8, 1, 0, '400.00', 8, 49, 0.6],
    ]);
    assert.equal(r.tables.phases!.rows[0]!.refund_rate_after, Number((50 / 700).toFixed(4)));
  });

  it('shows no campaign of a shop outside the scope', async () => {
    await assert.rejects(campaignAnalysis(store.wh, { scope: { shopIds: ['s2'] } }), /ANALYSIS_NO_DATA/);
  });
});
