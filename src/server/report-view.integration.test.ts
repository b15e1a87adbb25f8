/**
 * A report read in the page (where a scheduled report's 查看报表 link leads): the reader's shops
 * only, finance columns only for finance readers (the same rule as scheduled runs, now also on
 * `/api/reports/run`), and the link a robot message carries names the report and its period.
 *
 * The harness' orders, all paid 2024-01-10: tm-1 ¥100 + ¥250 = ¥350.00, jd-1 ¥7,777.77,
 * tm-2 ¥8,888.88 — ¥17,016.65 in all.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startCaptureServer, type CaptureServer } from '../alerts/testing/http-capture.js';
import { loadCatalog } from '../metrics/index.js';
import { findReport } from '../reports/definition.js';
import { runReport } from '../reports/run.js';
import { createAccount } from './services/accounts.js';
import { canaryFigures, TEST_PASSWORD, testServer, type Client, type TestServer } from './testing/harness.js';

type Cell = string | number | null;
interface View { report: { id: string; period: { from: string; to: string }; blocks: { title: { zh: string }; columns: { key: string }[]; rows: Record<string, Cell>[] }[] } }
const DAY = '?from=2024-01-10&to=2024-01-10';

describe('a report read in the page', () => {
  let s: TestServer;
  let owner: Client;
  let ops: Client;
  let tmOps: Client;
  let robot: CaptureServer;

  before(async () => {
    s = await testServer();
    await createAccount(s.meta, { name: 'tmops', password: TEST_PASSWORD, role: 'ops', shops: ['tm-1'] }, { actorId: null, actorName: 'test', ip: null });
    [owner, ops, tmOps] = await Promise.all([s.session('owner'), s.session('ops'), s.session('tmops')]);
    robot = await startCaptureServer([{ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }]);
  });
  after(async () => { await s?.close(); await robot?.close(); });

  test('经营日报 of a day: its figures, for every shop or for the reader\'s one', async () => {
    const all = (await owner.inject({ url: `/api/reports/view/daily${DAY}` })).json() as View;
    assert.deepEqual([all.report.id, all.report.period], ['daily', { from: '2024-01-10', to: '2024-01-10' }]);
    assert.deepEqual(all.report.blocks.map((b) => b.title.zh), ['核心指标(环比)', '分店铺', '热销 SKU Top 20']);
    assert.deepEqual([all.report.blocks[0]!.rows[0]!['paid_amount'], all.report.blocks[0]!.rows[0]!['paid_orders']], ['17016.65', 4]);
    assert.deepEqual(all.report.blocks[1]!.rows.map((r) => [r['shop'], r['paid_amount']]), [['tm-2', '8888.88'], ['jd-1', '7777.77'], ['tm-1', '350.00']]);

    const res = await tmOps.inject({ url: `/api/reports/view/daily${DAY}` });
    const mine = res.json() as View;
    assert.deepEqual([mine.report.blocks[0]!.rows[0]!['paid_amount'], mine.report.blocks[0]!.rows[0]!['paid_orders']], ['350.00', 2]);
    assert.deepEqual(mine.report.blocks[1]!.rows.map((r) => r['shop']), ['tm-1']);
    for (const figure of canaryFigures(['tm-1'])) assert.ok(!res.body.includes(`"${figure}"`), `no other shop's ${figure}`);
    // no period given: the report's own (yesterday), and an unknown report is a clear 404
    assert.equal((await owner.inject({ url: '/api/reports/view/daily' })).statusCode, 200);
    assert.equal((await owner.inject({ url: '/api/reports/view/nope' })).statusCode, 404);
  });

  test('a report with a finance column shows it to the owner and leaves it out for operations, on the page and in its files', async () => {
    const saved = await owner.inject({ method: 'POST', url: '/api/reports', payload: { name: '店铺利润表', query: { metrics: ['paid_amount', 'gross_profit'], dimensions: ['shop'], from: '2024-01-01', to: '2024-01-31', chart: 'table' } } });
    assert.equal(saved.statusCode, 200, saved.body);
    const id = (saved.json() as { id: string }).id;
    const cols = async (c: Client) => ((await c.inject({ url: `/api/reports/view/${id}${DAY}` })).json() as View).report.blocks[0]!.columns.map((x) => x.key);
    assert.deepEqual(await cols(owner), ['shop', 'paid_amount', 'gross_profit']);
    assert.deepEqual(await cols(ops), ['shop', 'paid_amount']);
    const html = await ops.inject({ method: 'POST', url: '/api/reports/run', payload: { name: id, format: 'html', from: '2024-01-10', to: '2024-01-10' } });
    assert.equal(html.statusCode, 200);
    assert.match(html.body, /支付金额/);
    assert.doesNotMatch(html.body, />毛利<\/th>/, 'no gross profit column in the operations file');
    const ownerHtml = await owner.inject({ method: 'POST', url: '/api/reports/run', payload: { name: id, format: 'html', from: '2024-01-10', to: '2024-01-10' } });
    assert.match(ownerHtml.body, />毛利<\/th>/);
  });

  test('a scheduled report\'s robot message links to this report and its period', async () => {
    const def = await findReport(s.meta, 'daily');
    const channel = { id: 'ding', kind: 'dingtalk' as const, url: `${robot.base}/robot/send?access_token=t`, language: 'zh' as const, atMobiles: [] };
    const r = await runReport(s.wh, loadCatalog(), def, { from: '2024-01-10', to: '2024-01-10' }, {
      formats: ['xlsx'], lang: 'zh', scope: { shopIds: 'all' }, channels: [channel], keys: { keyFile: join(s.dir, 'key') }, baseUrl: 'http://127.0.0.1:8787/',
    });
    assert.deepEqual(r.deliveries.map((d) => d.ok), [true]);
    const text = (JSON.parse(robot.requests.at(-1)!.body) as { markdown: { text: string } }).markdown.text;
    assert.match(text, /\[查看报表\]\(http:\/\/127\.0\.0\.1:8787\/reports\/daily\?from=2024-01-10&to=2024-01-10\)/);
    // the key figures in the message itself: ¥17,016.65 from 4 orders of 4 buyers, ¥17,016.65 / 4 = ¥4,254.16 each
    // (the 9th, compared with, had none: no move to show)
    const facts = text.split('\n').filter((l) => l.startsWith('- **'));
    assert.deepEqual(facts.slice(0, 4), ['- **支付金额**: ¥17,016.65', '- **支付订单数**: 4', '- **支付买家数**: 4', '- **客单价**: ¥4,254.16']);
    assert.equal(facts.length, 6);
    // the day after: nothing paid, against the 10th's ¥17,016.65 — down 100 %
    await runReport(s.wh, loadCatalog(), def, { from: '2024-01-11', to: '2024-01-11' }, {
      formats: ['xlsx'], lang: 'zh', scope: { shopIds: 'all' }, channels: [channel], keys: { keyFile: join(s.dir, 'key') }, baseUrl: 'http://127.0.0.1:8787/',
    });
    const next = (JSON.parse(robot.requests.at(-1)!.body) as { markdown: { text: string } }).markdown.text;
    assert.match(next, /- \*\*支付金额\*\*: ¥0\.00 \(-100\.0%\)/);
  });
});
