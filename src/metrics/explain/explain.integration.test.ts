/**
 * Explain on the fixture store: March 2024 against February 2024. Expected values by hand;
 * product contributions by an independent computation (the average over all six orders of
 * switching visitors, conversion and AOV from February to March).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decimalToFen } from '../../core/money.js';
import { useFixtureStore } from '../../../test/helpers/store.js';
import { loadCatalog } from '../catalog/load.js';
import { explainMetric } from './explain.js';

const fen = (v: unknown) => decimalToFen(String(v))!;

/** Average over every order of switching factors old → new: an independent Shapley computation. */
function permutationShapley(prev: number[], cur: number[]): number[] {
  const perms = (xs: number[]): number[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));
  const all = perms(prev.map((_, i) => i));
  const out = prev.map(() => 0);
  for (const order of all) {
    const now = [...prev];
    for (const i of order) {
      const before = now.reduce((a, b) => a * b, 1);
      now[i] = cur[i]!;
      out[i]! += (now.reduce((a, b) => a * b, 1) - before) / all.length;
    }
  }
  return out;
}

describe('explain', () => {
  const store = useFixtureStore();
  const catalog = loadCatalog();

  it('paid amount: traffic × conversion × AOV contributions add up exactly to the change', async () => {
    const x = await explainMetric(store.wh, catalog, { metric: 'paid_amount', from: '2024-03-01', to: '2024-03-31', vs: 'previous' });
    assert.deepEqual(x.previous, { from: '2024-02-01', to: '2024-02-29' });
    // Feb: 9900 + 5900 + 9900 + 3900 = 29600 from 4 buyers and 90 + 70 + 50 = 210 visitors; Mar: 136800, 8 buyers, 360 visitors
    assert.equal(x.previousValue, '296.00');
    assert.equal(x.current, '1368.00');
    assert.equal(x.change, '1072.00');
    const drivers = x.drivers!;
    assert.deepEqual(drivers.map((d) => d.metric), ['visitors', 'conversion_rate', 'aov']);
    assert.equal(drivers.reduce((s, d) => s + fen(d.contribution), 0n), 107200n);
    const want = permutationShapley([210, 4 / 210, 7400], [360, 8 / 360, 17100]);
    drivers.forEach((d, i) => assert.ok(Math.abs(Number(fen(d.contribution)) - want[i]!) <= 1, `${d.metric}: ${d.contribution} vs ${want[i]}`));
  });

  it('ranks shops by their share of the change, and the shares add up to it', async () => {
    const x = await explainMetric(store.wh, catalog, { metric: 'paid_amount', from: '2024-03-01', to: '2024-03-31', vs: 'previous', by: ['shop', 'category_l1'] });
    const shops = x.breakdowns.find((b) => b.dimension === 'shop')!;
    // jd1 57800 − 9900; tm1 55600 − 15800; pdd1 23400 − 3900
    assert.deepEqual(shops.rows.map((r) => [r.value, r.change]), [['jd1', '479.00'], ['tm1', '398.00'], ['pdd1', '195.00']]);
    assert.equal(shops.additive, true);
    for (const r of shops.rows) assert.equal(r.drivers!.reduce((s, d) => s + fen(d.contribution), 0n), fen(r.change));
    const cats = x.breakdowns.find((b) => b.dimension === 'category_l1')!;
    // 家居 March 78900 vs Feb 5900 + 3900; 服饰 57900 vs 9900 + 9900
    assert.deepEqual(cats.rows.map((r) => [r.value, r.change]), [['家居', '691.00'], ['服饰', '381.00']]);
  });

  it('net profit: net sales − COGS − expenses, exactly', async () => {
    const x = await explainMetric(store.wh, catalog, { metric: 'net_profit', from: '2024-03-01', to: '2024-03-31', vs: 'previous', by: ['shop'] });
    // Feb: 29600 − COGS (3000 + 2000 + 3000 + 2000) − expenses 1500 = 18100; Mar 69300
    assert.equal(x.change, '512.00');
    assert.deepEqual(x.drivers!.map((d) => [d.metric, d.contribution]), [['net_sales', '987.00'], ['cogs', '-400.00'], ['expense_amount', '-75.00']]);
  });

  it('a ratio without drivers still ranks where it moved; a metric with neither is an error', async () => {
    const x = await explainMetric(store.wh, catalog, { metric: 'conversion_rate', from: '2024-03-01', to: '2024-03-31', vs: 'previous', by: ['shop'] });
    assert.equal(x.drivers, null);
    assert.equal(x.breakdowns[0]!.additive, false);
    await assert.rejects(
      explainMetric(store.wh, catalog, { metric: 'campaign_target_attainment', from: '2024-03-01', to: '2024-03-31', vs: 'previous' }),
      (e: Error & { code?: string }) => e.code === 'METRIC_EXPLAIN_UNSUPPORTED',
    );
  });
});
