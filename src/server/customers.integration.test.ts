import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testServer, type TestServer } from './testing/harness.js';

type Rows = { rows: Record<string, string | null>[]; masked: boolean };

describe('buyer PII: masking per role, audited exports, purge', () => {
  let t: TestServer;
  before(async () => (t = await testServer()));
  after(() => t.close());

  test('operations sees masked PII; customer service and the owner see it in full', async () => {
    const ops = (await (await t.session('ops')).inject({ url: '/api/customers', query: { shopId: 'tm-1' } })).json() as Rows;
    assert.equal(ops.masked, true);
    assert.deepEqual(ops.rows.map((r) => [r.customer_id, r.phone, r.receiver_name, r.nickname, r.address]), [
      ['c-001', '138****1234', '张**', 't**********0', '浙江省杭州市****'],
      ['c-002', '139****1111', '李*', 's********i', '浙江省宁波市****'],
    ]);
    for (const who of ['cs', 'owner']) {
      const full = (await (await t.session(who)).inject({ url: '/api/customers', query: { shopId: 'tm-1' } })).json() as Rows;
      assert.equal(full.masked, false, who);
      assert.equal(full.rows[0]!.phone, '13812341234', who);
      assert.equal(full.rows[0]!.address, '浙江省杭州市西湖区文三路100号', who);
    }
  });

  test('a list without a shop filter holds exactly the shops in scope', async () => {
    await t.meta.users.create({ name: 'tm-ops', passwordHash: 'x', role: 'ops', shops: ['tm-1'] });
    const scoped = (await (await t.session('tm-ops')).inject({ url: '/api/customers' })).json() as Rows;
    assert.deepEqual(scoped.rows.map((r) => r.customer_id), ['c-001', 'c-002']);
    const all = (await (await t.session('owner')).inject({ url: '/api/customers' })).json() as Rows;
    assert.deepEqual(all.rows.map((r) => r.customer_id), ['c-101', 'c-001', 'c-002']); // ordered by shop: jd-1 < tm-1
  });

  test('a buyer-list export is masked for operations and written to the audit log', async () => {
    const res = await (await t.session('ops')).inject({ url: '/api/customers/export', query: { shopId: 'tm-1' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    const lines = res.body.replace(/^\ufeff/, '').trim().split('\n');
    assert.equal(lines[0], 'shop_id,customer_id,member_tier,first_paid_at,nickname,receiver_name,phone,address,province,city');
    assert.equal(lines.length, 3);
    assert.ok(lines[1]!.includes('138****1234') && !res.body.includes('13812341234'));
    const [entry] = await t.meta.audit.list({ action: 'export', limit: 1 });
    assert.equal(entry?.actorName, 'ops');
    assert.deepEqual(entry?.detail, { kind: 'buyer_list', shops: ['tm-1'], rows: 2, masked: true });
    // finance may export, but holds no customers:read: the buyer list stays closed
    const finance = await (await t.session('finance')).inject({ url: '/api/customers/export', query: { shopId: 'tm-1' } });
    assert.equal(finance.statusCode, 403);
  });

  test('purging a buyer clears their PII only, keeps the row, and is audited', async () => {
    const owner = await t.session('owner');
    const res = await owner.inject({ method: 'POST', url: '/api/customers/purge', payload: { shopId: 'tm-1', customerId: 'c-001' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual((res.json() as { purged: unknown }).purged, [{ table: 'customers', columns: ['nickname', 'receiver_name', 'phone', 'address'], rows: 1 }]);
    const rows = await t.wh.query<{ customer_id: string; phone: string | null; nickname: string | null; member_tier: string | null }>(
      'SELECT customer_id, phone, nickname, member_tier FROM customers ORDER BY shop_id, customer_id');
    assert.deepEqual(rows.map((r) => [r.customer_id, r.phone, r.nickname, r.member_tier]), [
      ['c-101', '13700002222', 'jd_wang', 'gold'],
      ['c-001', null, null, 'gold'],
      ['c-002', '13900001111', 'shopper_li', 'gold'],
    ]);
    const [entry] = await t.meta.audit.list({ action: 'pii.purge', limit: 1 });
    assert.equal(entry?.target, 'tm-1/c-001');
    assert.equal(entry?.actorName, 'owner');
  });
});
