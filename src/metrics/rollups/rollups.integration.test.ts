/**
 * Rollups give exactly the numbers of the base tables, stay fresh through data_changes, and
 * catch loads that forgot to record a change.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderLines, orders } from '../../model/index.js';
import { openWarehouse, recordDataChange } from '../../warehouse/index.js';
import { tempStore, useFixtureStore } from '../../../test/helpers/store.js';
import { fixtureRows, loadFixtureStore } from '../../../test/fixtures/store/load.js';
import { loadCatalog } from '../catalog/load.js';
import { runMetricQuery } from '../run.js';
import type { MetricQuery } from '../query.js';
import { refreshRollups } from './refresh.js';

const overview = ['gmv', 'paid_amount', 'paid_orders', 'paying_buyers', 'aov', 'repurchase_rate', 'new_buyers', 'paid_units', 'cogs', 'gross_profit', 'hit_sku_count', 'ship_within_24h_rate', 'avg_ship_hours', 'active_sku_rate'];

const queries: MetricQuery[] = [
  { metrics: overview, from: '2024-02-01', to: '2024-03-31' },
  { metrics: overview, dimensions: ['shop'], grain: 'month', from: '2024-01-01', to: '2027-01-31', compare: 'yoy' },
  { metrics: overview.filter((m) => m !== 'new_buyers' && m !== 'active_sku_rate'), dimensions: ['platform', 'source'], grain: 'week', from: '2024-02-01', to: '2024-04-30', compare: 'mom' },
  { metrics: ['paid_amount', 'paid_units', 'cogs', 'hit_sku_count'], dimensions: ['category_l1', 'sku'], from: '2024-03-01', to: '2024-03-31' },
];

describe('rollups', () => {
  const store = useFixtureStore();
  const catalog = loadCatalog();

  const both = async (q: MetricQuery) => {
    const fast = await runMetricQuery(store.wh, catalog, q);
    const base = await runMetricQuery(store.wh, catalog, q, { rollups: false });
    assert.match(fast.sql, /rollup_/);
    assert.doesNotMatch(base.sql, /rollup_/);
    assert.deepEqual(fast.rows, base.rows, JSON.stringify(q));
    return fast;
  };

  it('answer exactly as the base tables do', async () => {
    for (const q of queries) await both(q);
  });

  it('refresh only when something changed', async () => {
    await runMetricQuery(store.wh, catalog, queries[0]!);
    assert.equal(await refreshRollups(store.wh), false);
  });

  it('pick up a recorded load for one shop and some days', async () => {
    const rows = fixtureRows();
    const t1 = rows.orders.find((o) => o.order_id === 'T1')!;
    const l1 = rows.lines.find((l) => l.order_id === 'T1')!;
    await store.wh.transaction(async (tx) => {
      await tx.bulkLoad(orders, [{ ...t1, order_id: 'T1b', customer_id: 'c9', paid_amount: 1234n, order_total: 1234n }]);
      await tx.bulkLoad(orderLines, [{ ...l1, order_id: 'T1b', paid_amount: 1234n }]);
      await recordDataChange(tx, { origin: 'test', shopId: 'tm1', fromDay: '2024-03-01', toDay: '2024-03-01' });
    });
    const r = await both({ metrics: ['paid_amount', 'paying_buyers', 'new_buyers'], from: '2024-03-01', to: '2024-03-31' });
    // 136800 + 1234; buyers 8 + c9 (new)
    assert.deepEqual(r.rows, [{ paid_amount: '1380.34', paying_buyers: 9, new_buyers: 7 }]);
  });

  it('rebuild after a load that did not record its change', async () => {
    const rows = fixtureRows();
    const p2 = rows.orders.find((o) => o.order_id === 'P2')!;
    const l2 = rows.lines.find((l) => l.order_id === 'P2')!;
    await store.wh.bulkLoad(orders, [{ ...p2, order_id: 'P2b', paid_amount: 100n }]);
    await store.wh.bulkLoad(orderLines, [{ ...l2, order_id: 'P2b', paid_amount: 100n }]);
    const r = await both({ metrics: ['paid_amount', 'paid_orders'], dimensions: ['shop'], from: '2024-03-01', to: '2024-03-31' });
    assert.deepEqual(r.rows.find((x) => x.shop === 'pdd1'), { shop: 'pdd1', paid_amount: '235.00', paid_orders: 4 });
    for (const q of queries) await both(q);
  });

  it('a store opened read-only is answered from the base tables', async () => {
    const other = await tempStore();
    await loadFixtureStore(other.wh);
    await other.wh.close();
    const ro = await openWarehouse(other.path, { readOnly: true });
    try {
      const r = await runMetricQuery(ro, catalog, { metrics: ['paid_amount', 'paying_buyers'], from: '2024-03-01', to: '2024-03-31' });
      assert.doesNotMatch(r.sql, /rollup_/);
      assert.deepEqual(r.rows, [{ paid_amount: '1368.00', paying_buyers: 8 }]);
    } finally {
      await ro.close();
      other.wh = ro;
      await other.cleanup();
    }
  });
});
