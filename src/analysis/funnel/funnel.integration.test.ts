import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../../test/helpers/store.js';
import { orders, refunds, trafficDaily, type TrafficDailyRow } from '../../model/index.js';
import { order, refund } from '../testing/rows.js';
import { funnelAnalysis } from './funnel.js';

const t = (day: string, source: string, v: number, c: number, b: number, sku = '', shop = 's1'): TrafficDailyRow => ({
  shop_id: shop, day, sku_id: sku, source, visitors: v, page_views: v * 2, bounced_visitors: 0, add_to_cart_users: c, favourites: 0, buyers: b,
});
const at = (day: string, h: number) => new Date(`${day}T${String(h).padStart(2, '0')}:00:00Z`);

/*
 * Period 03-01..03-02, previous 02-27..02-28.
 * Traffic s1: 搜索 03-01 100/20/5 + 03-02 100/10/5 = 200/30/10; 推荐 50/5/1; a SKU row under 搜索 is a
 * breakdown and must not add; 02-28 搜索 100/10/8 (conversion .08). s2 is out of scope.
 * Orders s1 (source 搜索), created in the period: o1 kept; o2 received but refunded; o3 shipped;
 * o4 paid; o5 unpaid → created 5, paid 4, shipped 3, received 2, kept 1. Previous: o6 paid only.
 */
describe('funnel analysis', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    const wh = store.wh;
    await wh.bulkLoad(trafficDaily, [
      t('2026-03-01', '搜索', 100, 20, 5), t('2026-03-02', '搜索', 100, 10, 5), t('2026-03-01', '推荐', 50, 5, 1),
      t('2026-03-01', '搜索', 80, 15, 4, 'P1'), t('2026-02-28', '搜索', 100, 10, 8), t('2026-03-01', '搜索', 1000, 100, 50, '', 's2'),
    ]);
    const o = (id: string, day: string, f: { paid?: boolean; shipped?: boolean; done?: boolean }) => ({
      ...order({ id, customer: 'c', day, fen: 100n, paid: f.paid ?? true, source: '搜索' }),
      shipped_at: f.shipped ? at(day, 20) : null, finished_at: f.done ? at(day, 23) : null, status: f.done ? 'completed' : f.shipped ? 'shipped' : (f.paid ?? true) ? 'paid' : 'unpaid',
    });
    await wh.bulkLoad(orders, [
      o('o1', '2026-03-01', { shipped: true, done: true }), o('o2', '2026-03-01', { shipped: true, done: true }), o('o3', '2026-03-02', { shipped: true }),
      o('o4', '2026-03-02', {}), o('o5', '2026-03-02', { paid: false }), o('o6', '2026-02-28', {}),
    ]);
    await wh.bulkLoad(refunds, [refund({ id: 'r2', order: 'o2', fen: 100n, day: '2026-03-05' })]);
  });
  after(() => store.cleanup());

  it('gives traffic step conversions by source and the change vs the previous period', async () => {
    const r = await funnelAnalysis(store.wh, { from: '2026-03-01', to: '2026-03-02', scope: { shopIds: ['s1'] } });
    const s = r.tables.traffic!.rows.find((x) => x.group === '搜索')!;
    assert.deepEqual([s.visitors, s.add_to_cart_users, s.buyers], [200, 30, 10]);
    assert.equal(s.add_to_cart_rate, 0.15);
    assert.equal(s.conversion_rate, 0.05);
    assert.equal(s.cart_to_buyer_rate, Number((10 / 30).toFixed(6)));
    assert.equal(s.conversion_rate_change, -0.03); // .05 − .08
    assert.equal(r.summary.previous_from, '2026-02-27');
  });

  it('follows orders from created to kept with drop-off per step', async () => {
    const r = await funnelAnalysis(store.wh, { from: '2026-03-01', to: '2026-03-02', scope: { shopIds: ['s1'] } });
    const l = r.tables.lifecycle!.rows[0]!;
    assert.deepEqual([l.created, l.paid, l.shipped, l.received, l.kept], [5, 4, 3, 2, 1]);
    assert.deepEqual([l.paid_rate, l.shipped_rate, l.received_rate, l.kept_rate], [0.8, 0.75, Number((2 / 3).toFixed(6)), 0.5]);
    assert.equal(l.kept_drop_off, 0.5);
    assert.equal(l.paid_rate_change, -0.2); // previous: 1 created, 1 paid
  });

  it('reads SKU rows only when asked by SKU', async () => {
    const r = await funnelAnalysis(store.wh, { by: 'sku', from: '2026-03-01', to: '2026-03-02', scope: { shopIds: ['s1'] } });
    assert.deepEqual(r.tables.traffic!.rows.map((x) => [x.group, x.visitors]), [['P1', 80]]);
  });
});
