/**
 * Fan-out safety, drill-down consistency and row-level scope on the fixture store, March 2024.
 * Expected values by hand from test/fixtures/store/data.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useFixtureStore } from '../../test/helpers/store.js';
import { loadCatalog } from './catalog/load.js';
import { compileMetricQuery } from './compile/compile.js';
import { runMetricQuery } from './run.js';
import { decimalToFen } from '../core/money.js';
import { duckdbDialect } from '../warehouse/index.js';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };

describe('fan-out, drill-down and scope', () => {
  const store = useFixtureStore();
  const catalog = loadCatalog();
  const run = (q: Parameters<typeof runMetricQuery>[2], o?: Parameters<typeof runMetricQuery>[3]) => runMetricQuery(store.wh, catalog, q, o);

  it('paid amount by category uses the line allocation: categories add up to the order total', async () => {
    const r = await run({ metrics: ['paid_amount', 'paid_orders'], dimensions: ['category_l1'], ...MARCH });
    // 服饰 (A1 lines): T1 9900 + T2 9000 + T4 19800 + J2 9300 + J3 9900 = 57900 in 5 orders
    // 家居: T2 11000 + T3 5900 + J1 19900 + J2 18700 + P1 11700 + P2 3900 + P3 7800 = 78900 in 7 orders
    // (T2 and J2 hold both categories: a join of orders to lines would count 20000 + 28000 twice)
    assert.deepEqual(r.rows, [
      { category_l1: '家居', paid_amount: '789.00', paid_orders: 7 },
      { category_l1: '服饰', paid_amount: '579.00', paid_orders: 5 },
    ]);
  });

  it('AOV by SKU divides each SKU’s paid amount by its own distinct buyers', async () => {
    const r = await run({ metrics: ['aov', 'paying_buyers'], dimensions: ['sku'], ...MARCH });
    // A1: 57900 / 4 (c1, c3, j1, j2); B1: 11000 + 5900 + 11700 + 3900 + 7800 = 40300 / 5 (c1, c2, P1, P2, P3); B2: 38600 / 2
    assert.deepEqual(r.rows, [
      { sku: 'A1', aov: '144.75', paying_buyers: 4 },
      { sku: 'B1', aov: '80.60', paying_buyers: 5 },
      { sku: 'B2', aov: '193.00', paying_buyers: 2 },
    ]);
  });

  it('order and traffic measures by source are aggregated apart, then combined', async () => {
    const r = await run({ metrics: ['paid_amount', 'visitors', 'conversion_rate'], dimensions: ['source'], ...MARCH });
    // 搜索: T1 9900 + T3 5900 + J1 19900 + J3 9900 + P1 11700 + P3 7800; buyers c1 c2 j1 P1 P3; visitors 100 + 80 + 60
    assert.deepEqual(r.rows, [
      { source: '广告', paid_amount: '280.00', visitors: 40, conversion_rate: 1 / 40 },
      { source: '推荐', paid_amount: '239.00', visitors: 50, conversion_rate: 2 / 50 },
      { source: '搜索', paid_amount: '651.00', visitors: 240, conversion_rate: 5 / 240 },
      { source: '直播', paid_amount: '198.00', visitors: 30, conversion_rate: 1 / 30 },
    ]);
  });

  it('drill-down platform → shop → category → SKU: each level adds up to the level above', async () => {
    const path = ['platform', 'shop', 'category_l1', 'sku'];
    const levels: Awaited<ReturnType<typeof run>>['rows'][] = [];
    for (let n = 0; n <= path.length; n++) {
      levels.push((await run({ metrics: ['paid_amount', 'gross_profit'], dimensions: path.slice(0, n), ...MARCH })).rows);
    }
    assert.equal(levels[0]![0]!.paid_amount, '1368.00');
    for (let n = 1; n <= path.length; n++) {
      for (const parent of levels[n - 1]!) {
        const children = levels[n]!.filter((row) => path.slice(0, n - 1).every((d) => row[d] === parent[d]));
        for (const m of ['paid_amount', 'gross_profit']) {
          const sum = children.reduce((s: bigint, c) => s + decimalToFen(String(c[m]))!, 0n);
          assert.equal(sum, decimalToFen(String(parent[m])), `${m} at level ${path[n - 1]} under ${JSON.stringify(parent)}`);
        }
      }
    }
    // tm1 → 服饰 → A1: 9900 + 9000 + 19800
    assert.ok(levels[4]!.some((r) => r.shop === 'tm1' && r.sku === 'A1' && r.paid_amount === '387.00'));
  });

  it('a scoped query sees only its shops, even through a filter on another shop', async () => {
    const scope = { shopIds: ['tm1'] };
    const own = await run({ metrics: ['paid_amount', 'visitors', 'refund_amount'], ...MARCH }, { scope });
    // tm1: paid 55600; visitors 100 + 50 + 30; refunds R1 5500 + R5 1000
    assert.deepEqual(own.rows, [{ paid_amount: '556.00', visitors: 180, refund_amount: '65.00' }]);
    const other = await run({ metrics: ['paid_amount', 'visitors'], ...MARCH, filters: { shop: 'jd1' } }, { scope });
    assert.deepEqual(other.rows, [{ paid_amount: '0.00', visitors: 0 }]);
    const byShop = await run({ metrics: ['paid_amount'], dimensions: ['shop'], ...MARCH }, { scope });
    assert.deepEqual(byShop.rows, [{ shop: 'tm1', paid_amount: '556.00' }]);
  });

  it('a scoped statement restricts every table it reads', () => {
    const { sql } = compileMetricQuery(catalog, { metrics: ['conversion_rate', 'gross_profit', 'new_buyers'], dimensions: ['platform'], ...MARCH }, duckdbDialect, { scope: { shopIds: ['tm1', 'jd1'] } });
    const reads = [...sql.matchAll(/(?:FROM|JOIN) (orders|order_lines|refunds|traffic_daily|shops|products|customers) (\w+)/g)];
    assert.ok(reads.length >= 8);
    for (const [, table, alias] of reads) {
      const rest = sql.slice(sql.indexOf(`${table} ${alias}`));
      assert.match(rest, new RegExp(`${alias}\\.shop_id IN \\(\\$1, \\$2\\)`), `${table} ${alias} is not restricted`);
    }
  });

  it('a metric a dimension cannot split is a clear error', async () => {
    await assert.rejects(run({ metrics: ['visitors'], dimensions: ['province'], ...MARCH }), (e: Error & { code?: string }) => e.code === 'METRIC_DIMENSION_UNSUPPORTED');
    await assert.rejects(run({ metrics: ['member_active_rate'], grain: 'month', ...MARCH }), (e: Error & { code?: string }) => e.code === 'METRIC_GRAIN_UNSUPPORTED');
    await assert.rejects(run({ metrics: ['paid_amount'], dimensions: ['colour'], ...MARCH }), (e: Error & { code?: string }) => e.code === 'METRIC_DIMENSION_UNKNOWN');
  });
});
