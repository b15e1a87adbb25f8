/**
 * Values that need days the data does not reach yet answer null, not a part: 回购率 before
 * the next period has passed, 180天LTV before a cohort's 180 days have. The store's data runs
 * to its latest paid day in scope: 2027-01-04 (W5) for the whole fixture store, 2024-04-01 (J4)
 * for 京东 alone. Expected values by hand from test/fixtures/store/data.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useFixtureStore } from '../../test/helpers/store.js';
import { loadCatalog } from './catalog/load.js';
import { runMetricQuery, type RunOptions } from './run.js';

describe('values the data cannot know yet', () => {
  const store = useFixtureStore();
  const catalog = loadCatalog();
  const run = (q: Parameters<typeof runMetricQuery>[2], o?: RunOptions) => runMetricQuery(store.wh, catalog, q, o);

  it('回购率 is known once the data runs through the whole next period, to the day', async () => {
    // 12-20 … 12-27 (8 days): c2 (W3 12-21); next 12-28 … 01-04 ends on the last paid day; c2 pays W4 12-28
    const known = await run({ metrics: ['retention_next_period'], from: '2026-12-20', to: '2026-12-27' });
    assert.deepEqual(known.rows, [{ retention_next_period: 1 }]);
    // one day later, the next period ends 01-05, past the data
    const unknown = await run({ metrics: ['retention_next_period', 'paying_buyers'], from: '2026-12-21', to: '2026-12-28' });
    assert.deepEqual(unknown.rows, [{ retention_next_period: null, paying_buyers: 1 }]);
  });

  it('by week: the weeks whose next week the data has not reached are null', async () => {
    const r = await run({ metrics: ['retention_next_period'], grain: 'week', from: '2026-12-21', to: '2027-01-04' });
    // week of 12-21: c2 (W3), back in the week of 12-28 (W4), which the data covers (to 01-03 ≤ 01-04)
    // week of 12-28: c2 (W4); week of 01-04: c3 (W5): their next weeks end 01-10 and 01-17
    assert.deepEqual(r.rows, [
      { week: '2026-12-21', retention_next_period: 1 },
      { week: '2026-12-28', retention_next_period: null },
      { week: '2027-01-04', retention_next_period: null },
    ]);
  });

  it('环比 of an unknown 回购率 is unknown, the previous period keeps its value', async () => {
    // 12-28 … 01-03: c2 (W4), next week past the data; previous 12-21 … 12-27: c2 (W3), back on 12-28
    const r = await run({ metrics: ['retention_next_period'], from: '2026-12-28', to: '2027-01-03', compare: 'mom' });
    assert.deepEqual(r.rows, [{ retention_next_period: null, retention_next_period_prev: 1, retention_next_period_change: null, retention_next_period_change_pct: null }]);
  });

  it('a user who sees only 京东 has data to 2024-04-01: March has no 回购率 or 180天LTV yet', async () => {
    const scope = { shopIds: ['jd1'] };
    const march = { from: '2024-03-01', to: '2024-03-31' };
    const r = await run({ metrics: ['retention_next_period', 'ltv_180', 'paying_buyers'], ...march }, { scope });
    // buyers j1, j2; the next 31 days end 05-01; the cohort j2 (first paid 03-31) needs the data to 09-26
    assert.deepEqual(r.rows, [{ retention_next_period: null, ltv_180: null, paying_buyers: 2 }]);
    // the whole store runs to 2027: the same shop, filtered rather than scoped, has both
    const all = await run({ metrics: ['retention_next_period', 'ltv_180'], ...march, filters: { shop: 'jd1' } });
    // j2 pays J4 on 04-01: 1 / 2; LTV of cohort j2: 28000 + 9900 (J4, 1 day later)
    assert.deepEqual(all.rows, [{ retention_next_period: 0.5, ltv_180: '379.00' }]);
  });

  it('180天LTV by month: the months of cohorts younger than 180 days at the data’s end are null', async () => {
    const r = await run({ metrics: ['ltv_180'], grain: 'month', from: '2024-02-01', to: '2024-03-31' }, { scope: { shopIds: ['jd1'] } });
    // February: j1 (first 02-28), 02-28 + 179 = 08-25 is past 04-01 too; so is March's j2
    assert.deepEqual(r.rows, [{ month: '2024-02-01', ltv_180: null }, { month: '2024-03-01', ltv_180: null }]);
    const tm = await run({ metrics: ['ltv_180'], grain: 'month', from: '2024-02-01', to: '2024-03-31' }, { scope: { shopIds: ['tm1'] } });
    // 天猫 runs to 2027: February c5 (T00 9900) and c2 (T0 5900 − R5 1000, T3 5900 03-31) = 20700 / 2;
    // March c1 (T1 9900 + T2 paid 20000 − R1 5500) and c3 (T4 19800; R3 is pending) = 44200 / 2
    assert.deepEqual(tm.rows, [{ month: '2024-02-01', ltv_180: '103.50' }, { month: '2024-03-01', ltv_180: '221.00' }]);
  });
});
