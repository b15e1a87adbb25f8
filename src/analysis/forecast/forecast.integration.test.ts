import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../../test/helpers/store.js';
import { addDays } from '../../core/time.js';
import { campaignPhasesTable, orderLines } from '../../model/index.js';
import { line } from '../testing/rows.js';
import { forecastAnalysis } from './forecast.js';

/*
 * Eight weeks 2026-01-05 (Mon) .. 03-01 (Sun): weekdays 100, weekends 200 — except Saturday
 * 01-24, a campaign burst day, at 600 (3× its normal). A burst is planned on Saturday 03-07.
 * The weekly pattern is exact, so the forecast is: Monday 100, Sunday 200, and the planned
 * burst Saturday 3 × 200 = 600; the backtest on the last 28 (plain) days has no error.
 */
describe('sales forecast', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    const lines = Array.from({ length: 56 }, (_, i) => {
      const day = addDays('2026-01-05', i);
      const weekend = i % 7 >= 5;
      const yuan = day === '2026-01-24' ? 600 : weekend ? 200 : 100;
      return line({ order: `o${i}`, sku: 'P1', fen: BigInt(yuan * 100), day });
    });
    await store.wh.bulkLoad(orderLines, [...lines, line({ shop: 's2', order: 'x', sku: 'P1', fen: 1n, day: '2026-03-01' })]);
    const ph = (id: string, day: string) => ({ campaign_id: id, phase: 'burst', start_day: day, end_day: day, gmv_target: 0n });
    await store.wh.bulkLoad(campaignPhasesTable, [ph('c1', '2026-01-24'), ph('c2', '2026-03-07')]);
  });
  after(() => store.cleanup());

  it('forecasts the weekly pattern and the planned campaign day, with a backtest MAPE', async () => {
    const r = await forecastAnalysis(store.wh, { historyDays: 56, horizonDays: 7, scope: { shopIds: ['s1'] } });
    const f = Object.fromEntries(r.tables.forecast!.rows.map((x) => [x.day, x.paid_amount]));
    assert.equal(f['2026-03-02'], '100.00');
    assert.equal(f['2026-03-07'], '600.00');
    assert.equal(f['2026-03-08'], '200.00');
    assert.equal(r.tables.backtest!.rows[0]!.mape, 0);
    assert.equal(r.summary.groups, 1); // s2 is out of scope
  });
});
