/**
 * One alert through the API, as its message's link opens it: the figures the rule saw each day
 * (worked out by hand from the harness' orders), who may open it, actions started from it, and
 * rules on cost metrics kept to those who may read cost.
 *
 * The harness' orders are all paid on 2024-01-10: tm-1 ¥100 + ¥250 = ¥350, jd-1 ¥7,777.77,
 * tm-2 ¥8,888.88. The rule sums paid_amount per shop over 2 days and fires above ¥300: on the
 * 10th tm-1's window (9th + 10th) holds ¥350; on the 11th (10th + 11th) still ¥350; on the 12th
 * ¥0. Every shop breaches on the 10th. tm-1's SKU costs ¥40.00 a unit, so its gross profit that
 * day is ¥350 − 2 × ¥40 = ¥270.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { entityNames } from '../alerts/entity-names.js';
import { alertMessage, ruleMetricInfo } from '../alerts/message.js';
import { runAlerts } from '../alerts/run.js';
import { alertStore } from '../alerts/store.js';
import { loadCatalog } from '../metrics/index.js';
import { products } from '../model/index.js';
import { createAccount } from './services/accounts.js';
import { TEST_PASSWORD, testServer, type Client, type TestServer } from './testing/harness.js';

interface Point { day: string; judged: string; value: number | null; baseline: number | null; breached: boolean }
interface Detail {
  alert: { id: string; status: string; value: number | null; baseline: number | null; withheld?: string; contributors?: unknown[] };
  rule: { id: string; unit: string; metricUnit: string; windowDays: number } | null;
  history: Point[] | null;
  names: Record<string, string>;
  actions: { id: string; title: string; shopIds?: string[]; target: { metric: string; filters: Record<string, string> }; origin: { kind: string; alertId?: string } }[];
}

const TM1 = 'big-day:shop=tm-1:2024-01-10';
const JD1 = 'big-day:shop=jd-1:2024-01-10';
const path = (id: string) => `/api/alerts/${encodeURIComponent(id)}`;

describe('one alert: its days, who may open it, the actions it starts', () => {
  let s: TestServer;
  let owner: Client;
  let ops: Client;
  let agency: Client;
  let tmOps: Client;

  before(async () => {
    s = await testServer();
    await s.wh.bulkLoad(products, [{
      shop_id: 'tm-1', sku_id: 'tm-1-sku', spu_id: 'tm-1-spu', merchant_code: null, title: '测试商品', category_l1: '家居', category_l2: '家居', category_l3: '家居',
      brand: null, list_price: 25_000n, unit_cost: 4_000n, status: 'on_sale', launched_at: null,
    }]);
    await createAccount(s.meta, { name: 'tmops', password: TEST_PASSWORD, role: 'ops', shops: ['tm-1'] }, { actorId: null, actorName: 'test', ip: null });
    [owner, ops, agency, tmOps] = await Promise.all([s.session('owner'), s.session('ops'), s.session('agency'), s.session('tmops')]);
    const saved = await owner.inject({
      method: 'PUT', url: '/api/alerts/rules/big-day',
      payload: { rule: { name: { zh: '大单日', en: 'Big day' }, metric: 'paid_amount', dimensions: ['shop'], windowDays: 2, condition: { kind: 'threshold', op: 'above', value: 300 } } },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const ran = await runAlerts({ wh: s.wh, catalog: loadCatalog(), store: alertStore(s.meta), keys: { keyFile: join(s.dir, 'key') }, scope: { shopIds: 'all' } }, '2024-01-10', { notify: false });
    assert.deepEqual(ran.opened.map((e) => e.id).sort(), [JD1, TM1, 'big-day:shop=tm-2:2024-01-10'].sort());
  });
  after(async () => { await s?.close(); });

  test('the rule\'s value and threshold each day, as worked out by hand', async () => {
    const res = await owner.inject({ url: path(TM1) });
    assert.equal(res.statusCode, 200, res.body);
    const d = res.json() as Detail;
    assert.deepEqual([d.alert.value, d.alert.baseline, d.alert.status], [350, 300, 'open']);
    assert.deepEqual([d.rule?.id, d.rule?.unit, d.rule?.metricUnit, d.rule?.windowDays], ['big-day', 'money', 'money', 2]);
    assert.deepEqual(d.names, { 'shop=tm-1': '天猫旗舰店' });
    // four weeks before the opening day, and a week past the last breach (the alert is still open)
    const h = d.history!;
    assert.deepEqual([h[0]!.day, h.at(-1)!.day, h.length], ['2023-12-14', '2024-01-17', 35]);
    const on = (day: string) => h.find((p) => p.day === day)!;
    assert.deepEqual(on('2024-01-09'), { day: '2024-01-09', judged: '2024-01-09', value: 0, baseline: 300, breached: false });
    assert.deepEqual(on('2024-01-10'), { day: '2024-01-10', judged: '2024-01-10', value: 350, baseline: 300, breached: true });
    assert.deepEqual(on('2024-01-11'), { day: '2024-01-11', judged: '2024-01-11', value: 350, baseline: 300, breached: true });
    assert.deepEqual(on('2024-01-12'), { day: '2024-01-12', judged: '2024-01-12', value: 0, baseline: 300, breached: false });
    // only tm-1's own money: no other shop's figure anywhere in the series
    assert.deepEqual(h.filter((p) => p.breached).map((p) => p.day), ['2024-01-10', '2024-01-11']);
    assert.ok(h.every((p) => p.value === 0 || p.value === 350), JSON.stringify(h.filter((p) => p.value !== 0 && p.value !== 350)));
  });

  test('an alert outside the reader\'s shops is not there for them; the list agrees', async () => {
    assert.equal((await agency.inject({ url: path(TM1) })).statusCode, 403, 'the agency has no 告警 page at all');
    assert.equal((await tmOps.inject({ url: path(JD1) })).statusCode, 404, 'jd-1 is outside an operator of tm-1');
    assert.equal((await tmOps.inject({ url: path(TM1) })).statusCode, 200);
    const listed = ((await tmOps.inject({ url: '/api/alerts?open=true' })).json() as { alerts: { id: string }[] }).alerts.map((a) => a.id);
    assert.deepEqual(listed, [TM1]);
    assert.equal((await owner.inject({ url: path('big-day:shop=nope:2024-01-10') })).statusCode, 404);
    // nor can an action start from it
    const act = await tmOps.inject({ method: 'POST', url: '/api/actions', payload: { type: 'action', title: 'x', owner: 'y', due: '2024-01-20', target: { metric: 'paid_amount' }, expected: { direction: 'up' }, origin: { kind: 'alert', alertId: JD1 } } });
    assert.equal(act.statusCode, 404, act.body);
  });

  test('an action started from the alert measures its scope, is listed on it, and stays in its shops', async () => {
    const made = await ops.inject({
      method: 'POST', url: '/api/actions',
      payload: {
        type: 'action', title: '处理:大单日 · 天猫旗舰店', owner: 'xiaoli', due: '2024-01-20',
        target: { metric: 'paid_amount', filters: { shop: 'tm-1' } }, expected: { direction: 'down' }, origin: { kind: 'alert', alertId: TM1 },
      },
    });
    assert.equal(made.statusCode, 200, made.body);
    const d = (await ops.inject({ url: path(TM1) })).json() as Detail;
    assert.equal(d.actions.length, 1);
    const a = d.actions[0]!;
    assert.deepEqual([a.title, a.shopIds, a.target, a.origin], ['处理:大单日 · 天猫旗舰店', ['tm-1'], { metric: 'paid_amount', filters: { shop: 'tm-1' } }, { kind: 'alert', alertId: TM1 }]);
    // the other alerts list nothing
    assert.deepEqual(((await ops.inject({ url: path(JD1) })).json() as Detail).actions, []);
    // an alert that does not exist cannot start one
    const ghost = await ops.inject({ method: 'POST', url: '/api/actions', payload: { type: 'action', title: 'x', owner: 'y', due: '2024-01-20', target: { metric: 'paid_amount' }, expected: { direction: 'up' }, origin: { kind: 'alert', alertId: 'nope' } } });
    assert.equal(ghost.statusCode, 404, ghost.body);
  });

  test('rules on cost metrics: operations may not save or backtest them, and see such alerts without figures', async () => {
    const margin = { rule: { name: { zh: '毛利低', en: 'Low margin' }, metric: 'gross_profit', dimensions: ['shop'], condition: { kind: 'threshold', op: 'below', value: 1_000_000 } } };
    const refused = await ops.inject({ method: 'PUT', url: '/api/alerts/rules/low-margin', payload: margin });
    assert.equal(refused.statusCode, 403, refused.body);
    assert.match(refused.body, /metrics:finance/);
    assert.equal((await owner.inject({ method: 'PUT', url: '/api/alerts/rules/low-margin', payload: margin })).statusCode, 200);
    // the built-in templates, backtested by operations: the cost ones are left out and named
    const bt = (await ops.inject({ method: 'POST', url: '/api/alerts/backtest', payload: { from: '2024-01-10', to: '2024-01-10', builtin: true } })).json() as { rules: { id: string }[]; withheld: string[] };
    assert.deepEqual(bt.withheld.sort(), ['negative_gross_margin', 'unsettled_orders']);
    assert.ok(!bt.rules.some((r) => bt.withheld.includes(r.id)));
    // the owner's rule opens tm-1's alert: ¥270 of gross profit is below the limit
    await runAlerts({ wh: s.wh, catalog: loadCatalog(), store: alertStore(s.meta), keys: { keyFile: join(s.dir, 'key') }, scope: { shopIds: 'all' } }, '2024-01-10', { notify: false, ruleIds: ['low-margin'] });
    const id = 'low-margin:shop=tm-1:2024-01-10';
    const forOwner = (await owner.inject({ url: path(id) })).json() as Detail;
    assert.equal(forOwner.alert.value, 270);
    assert.equal(forOwner.history?.find((p) => p.day === '2024-01-10')?.value, 270);
    const forOps = (await ops.inject({ url: path(id) })).json() as Detail;
    assert.deepEqual([forOps.alert.value, forOps.alert.baseline, forOps.alert.withheld, forOps.history], [null, null, 'metrics:finance', null]);
    const listed = ((await ops.inject({ url: '/api/alerts?open=true' })).json() as { alerts: Detail['alert'][] }).alerts.find((a) => a.id === id)!;
    assert.deepEqual([listed.value, listed.withheld], [null, 'metrics:finance']);
    assert.ok(!JSON.stringify(forOps).includes('270'), 'no figure of the cost rule reaches operations');
    // acknowledging it answers with the alert as the list shows it, not its figures
    const ack = await ops.inject({ method: 'POST', url: `${path(id)}/status`, payload: { action: 'acknowledge' } });
    assert.equal(ack.statusCode, 200, ack.body);
    assert.deepEqual([(ack.json() as Detail).alert.status, (ack.json() as Detail).alert.value], ['acknowledged', null]);
    assert.ok(!ack.body.includes('270'));
    // nor can operations start an action that measures it
    const act = await ops.inject({ method: 'POST', url: '/api/actions', payload: { type: 'action', title: 'x', owner: 'y', due: '2024-01-20', target: { metric: 'gross_profit' }, expected: { direction: 'up' }, origin: { kind: 'alert', alertId: id } } });
    assert.equal(act.statusCode, 403, act.body);
  });

  test('a pushed message names the shop and the SKU as the store does, a long title cut', async () => {
    const long = '简屿 加厚纯棉毛巾 吸水速干 家用成人洗脸毛巾 三条装 礼盒'; // 31 characters
    await s.wh.bulkLoad(products, [{
      shop_id: 'jd-1', sku_id: 'jd-1-sku', spu_id: 'jd-1-spu', merchant_code: null, title: long, category_l1: '家居', category_l2: '家居', category_l3: '家居',
      brand: null, list_price: 2_990n, unit_cost: null, status: 'on_sale', launched_at: null,
    }]);
    const names = await entityNames(s.wh, [{ entity: { shop: 'tm-1', sku: 'tm-1-sku' } }, { entity: { shop: 'jd-1', sku: 'jd-1-sku' } }, { entity: { shop: 'nope' } }]);
    const cut = `jd-1-sku(${[...long].slice(0, 24).join('')}…)`;
    assert.deepEqual(names, {
      'shop=tm-1': '天猫旗舰店', 'shop=jd-1': '京东自营',
      'sku=tm-1-sku@tm-1': 'tm-1-sku(测试商品)', 'sku=tm-1-sku': 'tm-1-sku(测试商品)',
      'sku=jd-1-sku@jd-1': cut, 'sku=jd-1-sku': cut,
    });
    const store = alertStore(s.meta);
    const rule = await store.getRule('big-day');
    const m = alertMessage(await store.getEvent(TM1), rule, ruleMetricInfo(loadCatalog(), rule), { names });
    assert.deepEqual([m.title.zh, m.title.en], ['大单日:店铺 天猫旗舰店', 'Big day: shop 天猫旗舰店']);
    // without names (a shop the store does not know) the id stands
    const bare = alertMessage(await store.getEvent(TM1), rule, ruleMetricInfo(loadCatalog(), rule));
    assert.equal(bare.title.zh, '大单日:店铺 tm-1');
  });
});
