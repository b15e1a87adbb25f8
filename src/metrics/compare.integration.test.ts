/**
 * 环比 / 同比 on the fixture store at a leap day, month ends, ISO week 53 and 双11
 * (campaign-aligned). Expected values by hand from test/fixtures/store/data.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useFixtureStore } from '../../test/helpers/store.js';
import { loadCatalog } from './catalog/load.js';
import { runMetricQuery } from './run.js';

describe('comparisons', () => {
  const store = useFixtureStore();
  const catalog = loadCatalog();
  const run = (q: Parameters<typeof runMetricQuery>[2]) => runMetricQuery(store.wh, catalog, q);

  it('环比 of March 2024 is all of February 2024, leap day included', async () => {
    const r = await run({ metrics: ['paid_amount'], dimensions: ['shop'], from: '2024-03-01', to: '2024-03-31', compare: 'mom' });
    assert.deepEqual(r.previous, { from: '2024-02-01', to: '2024-02-29' });
    // Feb: tm1 T00 9900 + T0 5900 (02-29); jd1 J0 9900; pdd1 P0 3900 (02-29)
    // Mar: tm1 9900 + 20000 + 5900 + 19800 = 55600; jd1 19900 + 28000 + 9900 = 57800; pdd1 11700 + 3900 + 7800 = 23400
    assert.deepEqual(r.rows, [
      { shop: 'jd1', paid_amount: '578.00', paid_amount_prev: '99.00', paid_amount_change: '479.00', paid_amount_change_pct: 47900 / 9900 },
      { shop: 'pdd1', paid_amount: '234.00', paid_amount_prev: '39.00', paid_amount_change: '195.00', paid_amount_change_pct: 5 },
      { shop: 'tm1', paid_amount: '556.00', paid_amount_prev: '158.00', paid_amount_change: '398.00', paid_amount_change_pct: 39800 / 15800 },
    ]);
  });

  it('同比 of February 2025 (month end 02-28) is February 2024 up to the leap day', async () => {
    const r = await run({ metrics: ['paid_amount'], from: '2025-02-01', to: '2025-02-28', compare: 'yoy', filters: { shop: 'tm1' } });
    assert.deepEqual(r.previous, { from: '2024-02-01', to: '2024-02-29' });
    // 2025-02-28 T25a 6000 vs 2024: 9900 + 5900 = 15800
    assert.deepEqual(r.rows, [{ paid_amount: '60.00', paid_amount_prev: '158.00', paid_amount_change: '-98.00', paid_amount_change_pct: -9800 / 15800 }]);
  });

  it('monthly 同比 lines each month up with the same month last year', async () => {
    const r = await run({ metrics: ['paid_amount'], grain: 'month', from: '2025-02-01', to: '2025-03-31', compare: 'yoy', filters: { shop: 'tm1' } });
    // Mar 2025: T25b 5900 (03-31) vs Mar 2024 tm1 55600
    assert.deepEqual(r.rows, [
      { month: '2025-02-01', paid_amount: '60.00', paid_amount_prev: '158.00', paid_amount_change: '-98.00', paid_amount_change_pct: -9800 / 15800 },
      { month: '2025-03-01', paid_amount: '59.00', paid_amount_prev: '556.00', paid_amount_change: '-497.00', paid_amount_change_pct: -49700 / 55600 },
    ]);
  });

  it('daily 同比: 29 February has no day last year', async () => {
    const r = await run({ metrics: ['paid_orders'], grain: 'day', from: '2024-02-28', to: '2024-02-29', compare: 'yoy' });
    assert.deepEqual(r.rows, [
      { day: '2024-02-28', paid_orders: 1, paid_orders_prev: 0, paid_orders_change: 1, paid_orders_change_pct: null },
      { day: '2024-02-29', paid_orders: 2, paid_orders_prev: null, paid_orders_change: null, paid_orders_change_pct: null },
    ]);
  });

  it('monthly 环比 at month ends: March 31 against February 29', async () => {
    const r = await run({ metrics: ['paid_orders'], grain: 'month', from: '2024-03-01', to: '2024-03-31', compare: 'mom', filters: { shop: 'tm1' } });
    assert.deepEqual(r.previous, { from: '2024-02-01', to: '2024-02-29' });
    assert.deepEqual(r.rows, [{ month: '2024-03-01', paid_orders: 4, paid_orders_prev: 2, paid_orders_change: 2, paid_orders_change_pct: 1 }]);
  });

  it('weekly 环比 across ISO week 53 of 2026', async () => {
    const r = await run({ metrics: ['paid_amount'], grain: 'week', from: '2026-12-21', to: '2027-01-10', compare: 'mom' });
    // W52 (12-21) W3 2000 vs W51 nothing; W53 (12-28) W4 1000 vs W52 2000; 2027-W01 (01-04) W5 3000 vs W53 1000
    assert.deepEqual(r.rows, [
      { week: '2026-12-21', paid_amount: '20.00', paid_amount_prev: '0.00', paid_amount_change: '20.00', paid_amount_change_pct: null },
      { week: '2026-12-28', paid_amount: '10.00', paid_amount_prev: '20.00', paid_amount_change: '-10.00', paid_amount_change_pct: -0.5 },
      { week: '2027-01-04', paid_amount: '30.00', paid_amount_prev: '10.00', paid_amount_change: '20.00', paid_amount_change_pct: 2 },
    ]);
  });

  it('weekly 同比 matches ISO week numbers; week 53 has no counterpart in 2025', async () => {
    const r = await run({ metrics: ['paid_amount'], grain: 'week', from: '2026-12-21', to: '2027-01-10', compare: 'yoy' });
    // 2026-W52 vs 2025-W52 (W1 500 on 2025-12-22); 2027-W01 vs 2026-W01 (W2 4000 on 2025-12-29)
    assert.deepEqual(r.rows, [
      { week: '2026-12-21', paid_amount: '20.00', paid_amount_prev: '5.00', paid_amount_change: '15.00', paid_amount_change_pct: 3 },
      { week: '2026-12-28', paid_amount: '10.00', paid_amount_prev: null, paid_amount_change: null, paid_amount_change_pct: null },
      { week: '2027-01-04', paid_amount: '30.00', paid_amount_prev: '40.00', paid_amount_change: '-10.00', paid_amount_change_pct: -0.25 },
    ]);
  });

  it('环比 of ISO week 53 without a grain is the 7 days before', async () => {
    const r = await run({ metrics: ['paid_amount'], from: '2026-12-28', to: '2027-01-03', compare: 'mom' });
    assert.deepEqual(r.previous, { from: '2026-12-21', to: '2026-12-27' });
    assert.equal(r.rows[0]!.paid_amount_prev, '20.00');
  });

  it('campaign-aligned 同比 compares 双11 warm-up with last year’s warm-up, not the same dates', async () => {
    const plain = await run({ metrics: ['paid_amount'], from: '2026-10-24', to: '2026-10-30', compare: 'yoy' });
    // same dates 2025-10-24 … 10-30: D25b 7000
    assert.deepEqual(plain.rows, [{ paid_amount: '80.00', paid_amount_prev: '70.00', paid_amount_change: '10.00', paid_amount_change_pct: 1000 / 7000 }]);
    const aligned = await run({ metrics: ['paid_amount'], from: '2026-10-24', to: '2026-10-30', compare: 'yoy_campaign' });
    // warm-up starts 2026-10-24 vs 2025-10-20: previous 2025-10-20 … 10-26 holds D25a 5000
    assert.deepEqual(aligned.previous, { from: '2025-10-20', to: '2025-10-26' });
    assert.deepEqual(aligned.rows, [{ paid_amount: '80.00', paid_amount_prev: '50.00', paid_amount_change: '30.00', paid_amount_change_pct: 0.6 }]);
  });
});
