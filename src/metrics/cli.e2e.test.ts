/** `shoplens metrics | query | explain` on a store holding the fixture seller. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../test/helpers/cli.js';
import { tempStore } from '../../test/helpers/store.js';
import { loadFixtureStore } from '../../test/fixtures/store/load.js';

describe('shoplens metrics / query / explain', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    await loadFixtureStore(store.wh);
    await store.wh.close();
  });
  after(async () => store.cleanup());

  it('metrics lists the catalog in Chinese and English with tier and definition', () => {
    const r = runCli(['metrics', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout).rows as Record<string, string>[];
    const paid = rows.find((m) => m.id === 'paid_amount')!;
    assert.equal(paid.name_zh, '支付金额');
    assert.equal(paid.tier, 'strategic');
    assert.match(paid.definition_en ?? '', /paid amount of paid orders/);
    assert.ok(rows.length >= 46);
  });

  it('query by shop and month with 环比, money as decimal strings', () => {
    const r = runCli(['query', 'paid_amount', 'paid_orders', '--by', 'shop', '--grain', 'month', '--from', '2024-03-01', '--to', '2024-03-31',
      '--compare', 'mom', '--where', 'shop=tm1', '--where', 'shop=pdd1', '--format', 'json', '--db', store.path]);
    assert.equal(r.code, 0, r.stderr);
    // tm1 Mar 55600 (4 orders) vs Feb 15800 (2); pdd1 Mar 23400 (3) vs Feb 3900 (1)
    assert.deepEqual(JSON.parse(r.stdout), { rows: [
      { month: '2024-03-01', shop: 'pdd1', paid_amount: '234.00', paid_amount_prev: '39.00', paid_amount_change: '195.00', paid_amount_change_pct: 5,
        paid_orders: 3, paid_orders_prev: 1, paid_orders_change: 2, paid_orders_change_pct: 2 },
      { month: '2024-03-01', shop: 'tm1', paid_amount: '556.00', paid_amount_prev: '158.00', paid_amount_change: '398.00', paid_amount_change_pct: 39800 / 15800,
        paid_orders: 4, paid_orders_prev: 2, paid_orders_change: 2, paid_orders_change_pct: 1 },
    ] });
  });

  it('query as a table shows the SQL on request, and CSV has a header row', () => {
    const t = runCli(['query', 'aov', '--from', '2024-03-01', '--to', '2024-03-31', '--show-sql', '--db', store.path]);
    assert.equal(t.code, 0, t.stderr);
    assert.match(t.stdout, /171\.00/);
    assert.match(t.stdout, /-- SQL\nSELECT /);
    const c = runCli(['query', 'visitors', '--by', 'source', '--from', '2024-03-01', '--to', '2024-03-31', '--format', 'csv', '--db', store.path]);
    assert.equal(c.stdout, 'source,visitors\n广告,40\n推荐,50\n搜索,240\n直播,30\n');
  });

  it('explain splits the change into drivers and ranks shops', () => {
    const r = runCli(['explain', 'paid_amount', '--from', '2024-03-01', '--to', '2024-03-31', '--vs', 'previous', '--by', 'shop', '--format', 'json', '--db', store.path]);
    assert.equal(r.code, 0, r.stderr);
    const x = JSON.parse(r.stdout);
    assert.equal(x.change, '1072.00');
    assert.deepEqual(x.breakdowns[0].rows.map((row: { value: string }) => row.value), ['jd1', 'tm1', 'pdd1']);
    const text = runCli(['explain', 'paid_amount', '--from', '2024-03-01', '--to', '2024-03-31', '--db', store.path]);
    assert.match(text.stdout, /驱动因子 \/ drivers/);
  });

  it('an unknown metric or a bad flag is a clear bilingual error', () => {
    const r = runCli(['query', 'gmvv', '--db', store.path]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /错误 \[METRIC_UNKNOWN\] 未知指标 "gmvv"/);
    assert.match(r.stderr, /Error \[METRIC_UNKNOWN\] unknown metric "gmvv"/);
    const g = runCli(['query', 'gmv', '--grain', 'fortnight', '--db', store.path]);
    assert.equal(g.code, 2);
    assert.match(g.stderr, /INVALID_ARGUMENT/);
  });
});
