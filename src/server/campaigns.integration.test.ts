/**
 * The campaign calendar over the API, on the harness store (orders of 2024-01-10: tm-1 ¥100 +
 * ¥250, jd-1 ¥7,777.77, tm-2 ¥8,888.88): a campaign of tm-1 takes its two orders and 大促复盘
 * reads ¥350.00 for it; who may change what follows the shops they see.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testServer, type Client, type TestServer } from './testing/harness.js';

const tmSale = { name: '开年促', kind: 'newyear', shopId: 'tm-1', phases: [{ phase: 'burst', start: '2024-01-09', end: '2024-01-11', gmvTarget: '500.00' }] };
const code = (res: { json: () => unknown }) => (res.json() as { error: { code: string } }).error.code;

describe('campaign calendar over the API', () => {
  let t: TestServer;
  let owner: Client;
  before(async () => {
    t = await testServer();
    owner = await t.session('owner');
  });
  after(async () => { await t?.close(); });

  test('a campaign of tm-1 takes its orders of those days, and the review reads them', async () => {
    const res = await owner.inject({ method: 'POST', url: '/api/campaigns', payload: tmSale });
    assert.equal(res.statusCode, 200, res.body);
    const { campaign, ordersMoved } = res.json() as { campaign: { id: string; year: number; gmvTarget: string }; ordersMoved: number };
    assert.equal(ordersMoved, 2, 'o-1 and o-2 of tm-1; not jd-1 or tm-2 on the same day');
    assert.deepEqual([campaign.year, campaign.gmvTarget], [2024, '500.00']);
    const review = (await owner.inject({ method: 'POST', url: '/api/analysis/campaign', payload: {} })).json() as { tables: { phases: { rows: Record<string, unknown>[] } } };
    const row = review.tables.phases.rows.find((r) => r.campaign === campaign.id)!;
    assert.deepEqual([row.paid_amount, row.target, row.attainment, row.orders], ['350.00', '500.00', 0.7, 2]);
    const audit = await t.meta.audit.list({ action: 'campaign.update' });
    assert.equal(audit.length, 1);
  });

  test('the list names the kinds; the agency of tm-1 sees the tm-1 campaign and may not change it', async () => {
    const agency = await t.session('agency');
    const list = (await agency.inject({ url: '/api/campaigns' })).json() as { campaigns: { name: string }[]; kinds: { id: string; name: { zh: string } }[] };
    assert.deepEqual(list.campaigns.map((c) => c.name), ['开年促']);
    assert.equal(list.kinds.find((k) => k.id === 'double11')?.name.zh, '双11');
    assert.equal((await agency.inject({ method: 'POST', url: '/api/campaigns', payload: { ...tmSale, name: 'x' } })).statusCode, 403);
  });

  test('a shop-limited operator plans for their shop only; overlaps and bad input get coded errors', async () => {
    const made = await owner.inject({ method: 'POST', url: '/api/users', payload: { name: 'jd-ops', password: 'jd-ops-password-1', role: 'ops', shops: ['jd-1'] } });
    assert.equal(made.statusCode, 200, made.body);
    const jdOps = await t.login('jd-ops', 'jd-ops-password-1');
    const everyShop = await jdOps.inject({ method: 'POST', url: '/api/campaigns', payload: { ...tmSale, shopId: null } });
    assert.deepEqual([everyShop.statusCode, code(everyShop)], [400, 'CAMPAIGN_INVALID']);
    const other = await jdOps.inject({ method: 'POST', url: '/api/campaigns', payload: tmSale });
    assert.deepEqual([other.statusCode, code(other)], [400, 'CAMPAIGN_INVALID']);
    assert.deepEqual(((await jdOps.inject({ url: '/api/campaigns' })).json() as { campaigns: unknown[] }).campaigns, [], 'tm-1\'s campaign is not theirs to see');
    const jd = await jdOps.inject({ method: 'POST', url: '/api/campaigns', payload: { ...tmSale, shopId: 'jd-1', name: '京东开年' } });
    assert.equal((jd.json() as { ordersMoved: number }).ordersMoved, 1, 'o-9');

    const clash = await owner.inject({ method: 'POST', url: '/api/campaigns', payload: { ...tmSale, shopId: null, name: '全店' } });
    assert.deepEqual([clash.statusCode, code(clash)], [409, 'CAMPAIGN_OVERLAP']);
    const bad = await owner.inject({ method: 'POST', url: '/api/campaigns', payload: { ...tmSale, phases: [{ phase: 'burst', start: '2024-01-11', end: '2024-01-09' }] } });
    assert.deepEqual([bad.statusCode, code(bad)], [400, 'CAMPAIGN_INVALID']);
    assert.match((bad.json() as { error: { message: { zh: string } } }).error.message.zh, /phases\.0: start after end \/ 开始日期晚于结束日期/);
  });

  test('removing a campaign lets its orders go; an unknown one is a coded 404', async () => {
    const list = (await owner.inject({ url: '/api/campaigns' })).json() as { campaigns: { id: string; name: string }[] };
    const tm = list.campaigns.find((c) => c.name === '开年促')!;
    const del = await owner.inject({ method: 'DELETE', url: `/api/campaigns/${tm.id}` });
    assert.deepEqual(del.json(), { ok: true, ordersMoved: 2 });
    const left = await t.wh.query(`SELECT order_id FROM orders WHERE campaign_id IS NOT NULL ORDER BY order_id`);
    assert.deepEqual(left.map((r) => r.order_id), ['o-9']);
    const gone = await owner.inject({ method: 'DELETE', url: `/api/campaigns/${tm.id}` });
    assert.deepEqual([gone.statusCode, code(gone)], [404, 'CAMPAIGN_NOT_FOUND']);
  });
});
