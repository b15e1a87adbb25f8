/**
 * A seller who started on the demo store and imported their own exports takes the demo out:
 * `shoplens demo --remove` leaves exactly what they imported, and `shoplens start` does not
 * bring the demo back. Their own order, paid on 双11 2025, was filed under the demo's 双11
 * while it stood, and is unfiled with it. Alerts and actions about the demo's shops alone go
 * with them; those about the seller's shop, or about every shop, stay.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../test/helpers/cli.js';
import { tempDir } from '../../test/helpers/store.js';
import { actionDocSchema } from '../actions/schema.js';
import { actionStore } from '../actions/store.js';
import type { AlertEvent } from '../alerts/lifecycle.js';
import { alertStore } from '../alerts/store.js';
import { openMetaStore } from '../meta/index.js';

let dir: string;
let cleanup: () => void;
let db: string;
let own: string;
const cli = (...args: string[]) => runCli(['--db', db, ...args], { env: { SHOPLENS_META_DB: join(dir, 'meta.sqlite') } });
const sql = (q: string) => (JSON.parse(cli('sql', q, '--format', 'json').stdout) as { rows: Record<string, string>[] }).rows;

// A Taobao 订单报表 of one's own shop: ¥88.00 paid on 2025-11-11, ¥12.50 on 2026-03-02.
const OWN = [
  '订单编号,买家会员名,买家应付货款,买家应付邮费,总金额,买家实际支付金额,订单状态,订单创建时间,订单付款时间 ,确认收货时间,宝贝总数量,店铺名称',
  '"=""5000000000000000001""",buyer_x,88.00,0.00,88.00,88.00,交易成功,2025-11-11 10:00:00,2025-11-11 10:01:00,2025-11-14 10:00:00,1,我的小店',
  '"=""5000000000000000002""",buyer_y,12.50,0.00,12.50,12.50,交易成功,2026-03-02 09:00:00,2026-03-02 09:05:00,2026-03-05 10:00:00,1,我的小店',
].join('\n');

before(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'store.duckdb');
  const demo = cli('demo', '--orders', '3000', '--end', '2026-03-31');
  assert.equal(demo.code, 0, demo.stderr);
  own = join(dir, 'ExportOrderList-own.csv');
  writeFileSync(own, OWN);
  const imp = cli('import', own);
  assert.equal(imp.code, 0, imp.stderr);
  assert.match(imp.stderr, /the store still holds the demo seller \(6 shops\), counted in every total; remove it with: shoplens demo --remove/);
});

/** Alerts and actions a seller trying the demo made: about a demo shop, their own shop, every shop. */
async function plantAlertsAndActions(): Promise<void> {
  const meta = await openMetaStore(join(dir, 'meta.sqlite'));
  try {
    const event = (id: string, shopIds: string[]): AlertEvent => ({
      id, ruleId: 'r', entityKey: id, entity: {}, metric: 'paid_amount', severity: 'warning', status: 'open', openedDay: '2026-03-01', lastBreachDay: '2026-03-01',
      clearStreak: 0, value: 1, baseline: 2, deltaRatio: -0.5, peakValue: 1, shopIds,
    });
    for (const [id, shops] of [['ev-demo', ['tmall_flagship']], ['ev-own', ['我的小店']], ['ev-all', ['*']]] as const) await alertStore(meta).putEvent(event(id, [...shops]));
    const action = (id: string, shopIds?: string[]) => ({
      type: 'action' as const, id, title: id, owner: 'li', due: '2026-04-01', target: { metric: 'paid_amount', filters: {} }, expected: { direction: 'up' as const },
      createdBy: 'u', createdAt: '2026-03-01T00:00:00Z', ...(shopIds ? { shopIds } : {}),
    });
    for (const a of [action('A-demo', ['jd_pop', 'pdd_store']), action('A-mixed', ['jd_pop', '我的小店']), action('A-none')]) await actionStore(meta).put(actionDocSchema.parse(a));
  } finally {
    await meta.close();
  }
}

async function remainingAlertsAndActions(): Promise<[string[], string[]]> {
  const meta = await openMetaStore(join(dir, 'meta.sqlite'));
  try {
    return [(await alertStore(meta).listEvents()).map((e) => e.id).sort(), (await actionStore(meta).list()).map((a) => a.id).sort()];
  } finally {
    await meta.close();
  }
}
after(() => cleanup());

describe('shoplens demo --remove', () => {
  it('the imported order paid on 双11 is filed under the demo\'s campaign while the demo stands', () => {
    assert.deepEqual(sql(`SELECT order_id, campaign_id FROM orders WHERE shop_id = '我的小店' ORDER BY order_id`).map((r) => [r.order_id, r.campaign_id]),
      [['5000000000000000001', 'demo-2025-double11'], ['5000000000000000002', null]]);
    assert.equal(sql('SELECT count(*) AS n FROM shops')[0]!.n, '7');
  });

  it('removes the six demo shops, their campaigns and market sizes, and keeps the imported shop whole', async () => {
    await plantAlertsAndActions();
    const r = cli('demo', '--remove');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /removed \d+ rows of the demo shops douyin_live, jd_pop, pdd_store, taobao_store, tmall_flagship, tmall_kitchen, 1 alerts and 1 actions about them/);
    assert.deepEqual(await remainingAlertsAndActions(), [['ev-all', 'ev-own'], ['A-mixed', 'A-none']]);
    assert.deepEqual(sql('SELECT shop_id FROM shops').map((x) => x.shop_id), ['我的小店']);
    assert.deepEqual(sql('SELECT count(*) AS n, sum(paid_amount) AS paid FROM orders')[0], { n: '2', paid: '10050' });
    assert.deepEqual(sql('SELECT campaign_id FROM orders ORDER BY order_id').map((x) => x.campaign_id), [null, null]);
    for (const t of ['campaigns', 'campaign_phases', 'market_sizes', 'order_lines', 'refunds', 'traffic_daily', 'ad_spend_daily', 'inventory_daily', 'expenses', 'settlements', 'cs_sessions', 'live_sessions', 'incidents', 'purchases', 'products']) {
      assert.equal(sql(`SELECT count(*) AS n FROM ${t}`)[0]!.n, '0', t);
    }
    assert.equal(sql(`SELECT count(*) AS n FROM customers WHERE shop_id <> '我的小店'`)[0]!.n, '0');
    assert.equal(sql(`SELECT count(*) AS n FROM order_status_history WHERE shop_id <> '我的小店'`)[0]!.n, '0');
    // what 经营总览 reads: the overview's metric over the whole store is the seller's alone
    const q = JSON.parse(cli('query', 'paid_amount', '--from', '2025-01-01', '--to', '2026-03-31', '--format', 'json').stdout) as { rows: Record<string, string>[] };
    assert.equal(q.rows[0]!.paid_amount, '100.50');
  });

  it('a second removal finds nothing; start keeps the store without the demo', () => {
    assert.match(cli('demo', '--remove').stdout, /the store holds no demo shop/);
    const start = cli('start', '--no-serve');
    assert.equal(start.code, 0, start.stderr);
    assert.doesNotMatch(start.stdout, /generating the demo store/);
    assert.deepEqual(sql('SELECT shop_id FROM shops').map((x) => x.shop_id), ['我的小店']);
    // and an import no longer mentions a demo
    const again = cli('import', own);
    assert.equal(again.code, 0, again.stderr);
    assert.doesNotMatch(again.stderr, /demo seller/);
  });
});
