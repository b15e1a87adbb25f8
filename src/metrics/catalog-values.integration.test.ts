/**
 * Every catalog metric on the fixture store for March 2024 (2024-03-01 … 2024-03-31, all shops).
 * Expected values are worked out by hand from test/fixtures/store/data.ts; the arithmetic is
 * in the comments. Money in fen unless written as yuan text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useFixtureStore } from '../../test/helpers/store.js';
import { loadCatalog } from './catalog/load.js';
import { runMetricQuery } from './run.js';

// March paid orders (paid fen / units): T1 9900/1, T2 20000/3, T3 5900/1, T4 19800/2, J1 19900/1,
// J2 28000/2, J3 9900/1, P1 11700/3, P2 3900/1, P3 7800/2 → paid 136800, 10 orders, 17 units.
// J4 is paid 00:30 on 1 April Shanghai time (still 31 March UTC): April, not March.
// Buyers: tm1 c1 c2 c3, jd1 j1 j2, and the three Pinduoduo orders (no buyer id: one buyer each) = 8.
const expected: Record<string, string | number | null> = {
  gmv: '1561.00', // order totals created in March: 9900 + 21700 + 5900 + 19800 + 9900 (T5 unpaid) + 5900 (T6 closed) + 19900 + 29800 + 9900 + 11700 + 3900 + 7800 = 156100
  paid_amount: '1368.00',
  paid_orders: 10,
  paying_buyers: 8,
  aov: '171.00', // 136800 / 8 = 17100
  order_value: '136.80', // 136800 / 10
  paid_units: 17,
  repurchase_rate: 0.25, // c1 (T1, T2) and j1 (J1, J3) / 8
  market_share: 136800 / 2300000, // market sizes 1000000 + 500000 + 800000
  hit_sku_count: 3, // tm1A1 38700, jd1B2 38600, pdd1B1 23400 reach 70 % of 136800 (95760); jd1A1 19200 starts above it
  ship_within_24h_rate: 0.6, // T1 10h, T4 5h, J1 20h, J3 2h, P1 12h, P2 24h of 10 paid orders
  avg_ship_hours: 151 / 8, // 10 + 30 + 5 + 20 + 48 + 2 + 12 + 24 over 8 shipped
  campaign_target_attainment: null, // no campaign in March: 0 / 0
  visitors: 360, // shop-level rows only: 100 + 50 + 30 + 80 + 40 + 60 (SKU rows are not added on top)
  page_views: 920, // 300 + 120 + 60 + 200 + 90 + 150
  add_to_cart_users: 61, // 20 + 8 + 5 + 10 + 6 + 12
  pv_per_visitor: 920 / 360,
  bounce_rate: 145 / 360, // 40 + 25 + 10 + 30 + 20 + 20
  conversion_rate: 8 / 360,
  add_to_cart_rate: 61 / 360,
  cart_abandon_rate: 1 - 8 / 61,
  new_buyers: 6, // c1, c3, j2, P1, P2, P3 (c2 and j1 paid in February)
  returning_buyer_share: 2 / 8,
  retention_next_period: 1 / 8, // next 31 days (04-01 … 05-01): only j2 pays again (J4)
  member_active_rate: 3 / 4, // members c1 c2 c5 j1; paid 03-02 … 03-31: c1 (T2), c2 (T3), j1 (J1, J3)
  ltv_180: '169.33', // cohort c1 (29900 − R1 5500), c3 19800, j2 (28000 + J4 9900), P1 (11700 − R4 3900), P2 3900, P3 7800 = 101600 / 6
  ad_cost: '500.00', // 30000 + 20000
  roi: 1.8, // (60000 + 30000) / 50000
  overall_roi: 136800 / 55000, // ad cost 50000 + marketing expense 5000
  cac: '83.33', // 50000 / 6 = 8333.33 fen
  ctr: 0.02, // 300 / 15000
  cpc: '1.67', // 50000 / 300 = 166.67 fen
  live_gmv: '198.00',
  live_gpm: '66.00', // 19800 / 3000 × 1000 = 6600 fen
  refund_amount: '85.00', // finished in March and successful: R1 5500, R2 2000, R5 1000 (R4 finished in April, R3 pending)
  refund_rate: 8500 / 136800,
  return_rate: 1 / 17, // R1 returned 1 unit
  net_sales: '1283.00', // 136800 − 8500
  cogs: '500.00', // sold 4×3000 + 3×2000 + 2×8000 + 2×3000 + 6×2000 = 52000, returned 1×2000
  gross_profit: '783.00', // 128300 − 50000
  gross_margin: 78300 / 128300,
  expense_amount: '90.00', // 2000 + 5000 + 1500 + 500
  net_profit: '693.00', // 78300 − 9000
  settlement_rate: 46200 / 125400, // settled T1 9900 + T2 14500 + J1 17900 + P2 3900; paid 136800 − refunds of March orders (R1 5500, R2 2000, R4 3900)
  inventory_turnover_days: 697000 / 50000, // stock value 364000 (03-01) + 333000 (03-31) over the snapshot days / COGS
  sell_through_rate: 17 / 170, // opening 60 + 20 + 40 + 0 + 8 + 30 = 158, inbound 5 + 7
  active_sku_rate: 5 / 6, // sold tm1A1 tm1B1 jd1A1 jd1B2 pdd1B1; stocked also tm1C1
  slow_moving_share: 1 / 6, // tm1C1 has stock and no sale in 03-02 … 03-31
  days_of_cover: 146 / (6 / 14), // available 56 + 15 + 40 + 5 + 6 + 24; sold 03-18 … 03-31: T3 1, J2 2, J3 1, P3 2
  cs_sessions: 4,
  cs_first_response_s: 30, // (20 + 60 + 10 + 30) / 4
  inquiry_conversion_rate: 2 / 3, // c1 and j2 of c1, c4, j2
};

describe('every catalog metric on the fixture store, March 2024', () => {
  const store = useFixtureStore();
  const catalog = loadCatalog();

  it('has an expected value for every listed metric', () => {
    assert.deepEqual(catalog.list().map((m) => m.id).sort(), Object.keys(expected).sort());
  });

  for (const [id, want] of Object.entries(expected)) {
    it(id, async () => {
      const r = await runMetricQuery(store.wh, catalog, { metrics: [id], from: '2024-03-01', to: '2024-03-31' });
      assert.equal(r.rows.length, 1);
      const got = r.rows[0]![id];
      if (typeof want === 'number' && typeof got === 'number') assert.ok(Math.abs(got - want) < 1e-9, `${id}: ${got} ≠ ${want}`);
      else assert.equal(got, want);
    });
  }

  it('market share by platform and category', async () => {
    const r = await runMetricQuery(store.wh, catalog, {
      metrics: ['market_share'], dimensions: ['platform', 'category_l1'], from: '2024-03-01', to: '2024-03-31', filters: { platform: 'tmall' },
    });
    // tmall 服饰: A1 lines 9900 + 9000 + 19800 = 38700 of 1000000; 家居: B1 11000 + 5900 = 16900 of 500000
    assert.deepEqual(r.rows, [
      { platform: 'tmall', category_l1: '家居', market_share: 16900 / 500000 },
      { platform: 'tmall', category_l1: '服饰', market_share: 38700 / 1000000 },
    ]);
  });

  it('campaign target attainment by phase during 双11 2026 warm-up', async () => {
    const r = await runMetricQuery(store.wh, catalog, {
      metrics: ['campaign_target_attainment'], dimensions: ['campaign', 'phase'], from: '2026-10-24', to: '2026-10-30',
    });
    // D26a 8000 paid on 10-25 in the warm-up (10-24 … 10-30), target 10000
    assert.deepEqual(r.rows, [{ campaign: 'd11-2026', phase: 'warmup', campaign_target_attainment: 0.8 }]);
  });
});
