/**
 * Each real format imports into the canonical model with the numbers worked out by hand from
 * the fixture rows (test/fixtures/ingest/generate.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempStore } from '../../test/helpers/store.js';
import type { Warehouse } from '../warehouse/index.js';
import { importFile } from './index.js';
import { fixture, NOW, tableRows } from './test-fixtures.js';

const one = async <T>(wh: Warehouse, sql: string, params: (string | number)[] = []) => (await wh.query(sql, params))[0] as T;
const n = (v: unknown) => Number(v);

test('Taobao order report (GBK): quirks cleaned, bad rows quarantined with row and column', async () => {
  const s = await tempStore();
  try {
    const r = await importFile(s.wh, fixture('taobao/ExportOrderList202603.csv'), { now: NOW });
    assert.equal(r.run.source, 'taobao-orders');
    assert.equal(r.run.encoding, 'gb18030');
    assert.equal(r.run.rows_read, 6);
    assert.equal(r.run.rows_quarantined, 2);
    assert.deepEqual(r.problems.map((p) => [p.row, p.column, p.code]), [[6, '订单编号', 'INGEST_ID_SCIENTIFIC'], [7, '买家实际支付金额', 'INGEST_AMOUNT_INVALID']]);
    const q = await s.wh.query('SELECT row_no, column_name, code, reason_zh, reason_en FROM import_quarantine WHERE run_id = $1 ORDER BY seq', [r.run.run_id]);
    assert.equal(q.length, 2);
    assert.match(String(q[0]!.reason_en), /scientific notation/);
    assert.match(String(q[0]!.reason_zh), /科学计数法/);
    const o = await s.wh.query('SELECT * FROM orders ORDER BY order_id');
    assert.deepEqual(o.map((x) => x.order_id), ['3712345678901234561', '3712345678901234562', '3712345678901234563', '3712345678901234564']);
    // 1299.00 + 210.00 (￥ guard) + 0 (unpaid) + 1,024.50
    assert.equal(await one<{ p: bigint }>(s.wh, 'SELECT sum(paid_amount) AS p FROM orders').then((x) => x.p), 253350n);
    const bob = o[1]!;
    assert.equal(bob.status, 'shipped');
    assert.equal(bob.status_raw, '卖家已发货，等待买家确认');
    assert.equal(bob.shipping_fee, 1000n);
    assert.equal(bob.goods_amount, 20000n);
    const carol = o[2]!;
    assert.equal(carol.status, 'unpaid');
    assert.equal(carol.paid_amount, 0n);
    assert.equal(carol.paid_day, null);
    assert.equal(carol.order_total, 5990n);
    const masked = o[3]!;
    assert.equal(masked.customer_id, null, 'a masked buyer name is not a key');
    assert.equal((masked.created_at as Date).toISOString(), '2026-03-02T12:15:00.000Z', '2026/3/2 20:15 Shanghai');
    assert.equal(masked.province, '广东省');
    const shop = await one<Record<string, unknown>>(s.wh, 'SELECT * FROM shops');
    assert.deepEqual([shop.shop_id, shop.name, shop.platform, shop.timezone], ['T100', '蓝鲸旗舰店', 'taobao', 'Asia/Shanghai']);
    assert.equal(n((await one<{ n: bigint }>(s.wh, 'SELECT count(*) AS n FROM customers')).n), 3);
    const alice = await one<Record<string, unknown>>(s.wh, `SELECT * FROM customers WHERE customer_id = 'tb_alice'`);
    assert.equal(alice.phone, '138****1234');
    assert.equal((alice.first_paid_at as Date).toISOString(), '2026-03-01T02:05:00.000Z');
    // derived rollups learn which shop and days changed, in the same transaction
    const dc = await s.wh.query('SELECT origin, shop_id, from_day, to_day FROM data_changes');
    assert.deepEqual(dc.map((x) => [x.origin, x.shop_id, x.from_day, x.to_day]), [[`import:${r.run.run_id}`, 'T100', '2026-03-01', '2026-03-02']]);
  } finally {
    await s.cleanup();
  }
});

test('Taobao items and refunds: lines share the order paid amount to the fen; refunds keyed by 退款编号', async () => {
  const s = await tempStore();
  try {
    await importFile(s.wh, fixture('taobao/ExportOrderList202603.csv'), { now: NOW });
    const items = await importFile(s.wh, fixture('taobao/ExportOrderDetailList202603.csv'), { shop: 'T100', now: NOW });
    assert.equal(items.run.source, 'taobao-items');
    const lines = await s.wh.query(`SELECT sku_id, qty, goods_amount, paid_amount, paid_day FROM order_lines WHERE order_id = '3712345678901234562' ORDER BY sku_id`);
    // 210.00 paid over goods 150.00 (socks 2 × 75) and 50.00 (tee): 157.50 and 52.50
    assert.deepEqual(lines.map((l) => [l.sku_id, l.qty, l.goods_amount, l.paid_amount, l.paid_day]),
      [['SKU-SOCK', 2, 15000n, 15750n, '2026-03-01'], ['SKU-TEE-L', 1, 5000n, 5250n, '2026-03-01']]);
    const mismatch = items.quality.find((f) => f.check === 'line_amounts_mismatch');
    assert.equal(mismatch?.found, 0);
    const ref = await importFile(s.wh, fixture('taobao/refunds202603.csv'), { shop: 'T100', now: NOW });
    assert.equal(ref.run.source, 'taobao-refunds');
    const rs = await s.wh.query('SELECT refund_id, order_id, type, amount, status, finished_day FROM refunds ORDER BY refund_id');
    assert.deepEqual(rs.map((x) => [x.refund_id, x.type, x.amount, x.status, x.finished_day]), [
      ['200000000000000001', 'return_refund', 3750n, 'success', '2026-03-05'],
      ['200000000000000002', 'refund_only', 129900n, 'closed', '2026-03-04'],
    ]);
  } finally {
    await s.cleanup();
  }
});

test('JD: order amounts repeated on every SKU row count once; 0001-01-01 means unpaid', async () => {
  const s = await tempStore();
  try {
    const r = await importFile(s.wh, fixture('jd/jd-orders-202603.csv'), { now: NOW });
    assert.equal(r.run.source, 'jd-orders');
    const o = await s.wh.query('SELECT order_id, paid_amount, order_total, status, paid_at, item_count FROM orders ORDER BY order_id');
    assert.deepEqual(o.map((x) => [x.order_id, x.paid_amount, x.order_total, x.status, x.paid_at === null, x.item_count]), [
      ['310000000001', 39000n, 40000n, 'completed', false, 3],
      ['310000000002', 0n, 30000n, 'unpaid', true, 1],
      ['310000000003', 10900n, 10900n, 'paid', false, 3],
    ]);
    const l = await s.wh.query(`SELECT line_id, paid_amount FROM order_lines WHERE order_id = '310000000001' ORDER BY line_id`);
    // 390.00 over 300.00 and 2 × 50.00: 292.50 and 97.50
    assert.deepEqual(l.map((x) => [x.line_id, x.paid_amount]), [['100001', 29250n], ['100002', 9750n]]);
    assert.equal(r.tables.find((t) => t.table === 'orders')?.duplicates, 0, 'repeated order rows are not duplicates');
  } finally {
    await s.cleanup();
  }
});

test('Pinduoduo (UTF-8 BOM): no buyer, separators and empty markers, refund dated at payment', async () => {
  const s = await tempStore();
  try {
    await assert.rejects(importFile(s.wh, fixture('pdd/pdd-orders-202603.csv'), { now: NOW }), { code: 'INGEST_SHOP_MISSING' });
    const r = await importFile(s.wh, fixture('pdd/pdd-orders-202603.csv'), { shop: 'P300', now: NOW });
    assert.equal(r.run.encoding, 'utf-8-bom');
    const o = await s.wh.query('SELECT order_id, customer_id, paid_amount, goods_amount, discount_shop, discount_platform, status FROM orders ORDER BY order_id');
    assert.deepEqual(o.map((x) => [x.order_id, x.customer_id, x.paid_amount, x.goods_amount, x.discount_shop, x.discount_platform, x.status]), [
      ['260301-123456789012345', null, 105000n, 120000n, 10000n, 5000n, 'completed'],
      ['260301-123456789012346', null, 3000n, 3000n, 0n, 0n, 'shipped'],
      ['260302-123456789012347', null, 8880n, 8880n, 0n, 0n, 'paid'],
    ]);
    const rf = await s.wh.query('SELECT refund_id, amount, finished_at, finished_day FROM refunds');
    assert.deepEqual(rf.map((x) => [x.refund_id, x.amount, (x.finished_at as Date).toISOString(), x.finished_day]),
      [['pdd:260301-123456789012346', 3000n, '2026-03-01T05:00:10.000Z', '2026-03-01']]);
    assert.equal((await one<{ platform: string }>(s.wh, 'SELECT platform FROM shops')).platform, 'pdd');
  } finally {
    await s.cleanup();
  }
});

test('Douyin: sub-orders add up; an after-sales export replaces the inferred refund for good', async () => {
  const s = await tempStore();
  try {
    await importFile(s.wh, fixture('douyin/douyin-orders-202603.csv'), { now: NOW });
    const o = await s.wh.query('SELECT order_id, paid_amount, order_total, item_count, status, created_at FROM orders ORDER BY order_id');
    // 89.00 + 280.00 over two sub-orders; the second order is unpaid (支付完成时间 `-`)
    assert.deepEqual(o.map((x) => [x.order_id, x.paid_amount, x.order_total, x.item_count, x.status]), [
      ['6920000000000000001', 36900n, 36900n, 3, 'completed'],
      ['6920000000000000002', 0n, 9900n, 1, 'unpaid'],
    ]);
    assert.equal((o[1]!.created_at as Date).toISOString(), '2026-03-02T06:03:00.000Z');
    assert.deepEqual((await s.wh.query('SELECT refund_id, amount FROM refunds')).map((x) => [x.refund_id, x.amount]), [['dy:6920000000000000102', 28000n]]);
    await importFile(s.wh, fixture('douyin/douyin-aftersales-202603.csv'), { now: NOW });
    await importFile(s.wh, fixture('douyin/douyin-orders-202603.csv'), { now: NOW });
    const rf = await s.wh.query('SELECT refund_id, line_id, amount, status, type, finished_day FROM refunds');
    assert.deepEqual(rf.map((x) => [x.refund_id, x.line_id, x.amount, x.status, x.type, x.finished_day]),
      [['7100000000000000001', '6920000000000000102', 14000n, 'success', 'refund_only', '2026-03-03']]);
  } finally {
    await s.cleanup();
  }
});

test('a tab-separated export named .xls (as some back offices save it) imports as its CSV does', async () => {
  const a = await tempStore();
  const b = await tempStore();
  try {
    await importFile(a.wh, fixture('jd/jd-orders-202603.csv'), { now: NOW });
    const r = await importFile(b.wh, fixture('jd/jd-orders-202603-tab.xls'), { now: NOW });
    assert.equal(r.run.source, 'jd-orders');
    assert.equal(r.run.rows_read, 4);
    for (const t of ['orders', 'order_lines', 'customers', 'products']) assert.equal(await tableRows(b.wh, t), await tableRows(a.wh, t), t);
  } finally {
    await a.cleanup();
    await b.cleanup();
  }
});

test('千牛 xlsx: order sheet and item sheet in one run; Excel dates and serials', async () => {
  const s = await tempStore();
  try {
    const r = await importFile(s.wh, fixture('taobao/qianniu-export-202603.xlsx'), { now: NOW });
    assert.equal(r.run.source, 'taobao-orders+qianniu-items');
    assert.equal(r.run.encoding, 'xlsx');
    const o = await s.wh.query('SELECT order_id, paid_amount, created_at, status FROM orders ORDER BY order_id');
    assert.deepEqual(o.map((x) => [x.order_id, x.paid_amount, (x.created_at as Date).toISOString(), x.status]), [
      ['3800000000000000001', 30000n, '2026-03-10T01:30:00.000Z', 'completed'],
      ['3800000000000000002', 4550n, '2026-03-11T04:00:00.000Z', 'paid'],
    ]);
    const l = await s.wh.query('SELECT line_id, sku_id, qty, paid_amount FROM order_lines ORDER BY line_id');
    assert.deepEqual(l.map((x) => [x.line_id, x.sku_id, x.qty, x.paid_amount]), [
      ['3800000000000000101', 'SCARF-R', 1, 10000n], ['3800000000000000102', 'GLOVE-B', 2, 20000n], ['3800000000000000201', 'HAT', 1, 4550n],
    ]);
  } finally {
    await s.cleanup();
  }
});

test('ad, traffic and inventory reports; the shop is found by the name the report uses', async () => {
  const s = await tempStore();
  try {
    await importFile(s.wh, fixture('taobao/ExportOrderList202603.csv'), { now: NOW });
    await importFile(s.wh, fixture('reports/ads-202603.csv'), { now: NOW });
    const a = await one<Record<string, bigint>>(s.wh, 'SELECT count(*) AS n, sum(cost) AS cost, sum(impressions) AS imp, sum(attributed_gmv) AS gmv FROM ad_spend_daily WHERE shop_id = $1', ['T100']);
    // 540.50 + 720.00 + 480.00; 12,000 + 50,000 + 11,000; 3,600 + 2,100 + 3,000
    assert.deepEqual([a.n, a.cost, a.imp, a.gmv], [3n, 174050n, 73000n, 870000n]);
    await importFile(s.wh, fixture('reports/traffic-202603.csv'), { now: NOW });
    const t = await one<Record<string, bigint>>(s.wh, 'SELECT sum(visitors) AS v, sum(page_views) AS pv, sum(buyers) AS b FROM traffic_daily WHERE shop_id = $1', ['T100']);
    assert.deepEqual([t.v, t.pv, t.b], [2000n, 5200n, 42n]);
    await importFile(s.wh, fixture('erp/inventory-20260305.csv'), { shop: 'T100', now: NOW });
    const i = await one<Record<string, unknown>>(s.wh, 'SELECT sum(on_hand) AS h, sum(available) AS a, min(day) AS d FROM inventory_daily');
    assert.deepEqual([i.h, i.a, i.d], [340n, 328n, '2026-03-05']);
    assert.equal(n((await one<{ n: bigint }>(s.wh, 'SELECT count(*) AS n FROM shops')).n), 1, 'no second shop for the report');
  } finally {
    await s.cleanup();
  }
});
