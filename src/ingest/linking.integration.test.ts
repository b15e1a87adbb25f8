/** Cross-source linking: an ERP copy of a platform order is the same order, never counted twice. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempStore } from '../../test/helpers/store.js';
import { importFile } from './index.js';
import { fixture, NOW } from './test-fixtures.js';

test('Taobao + 旺店通: one order per platform order; the ERP adds only what the platform lacks', async () => {
  const s = await tempStore();
  try {
    await importFile(s.wh, fixture('taobao/ExportOrderList202603.csv'), { now: NOW });
    await importFile(s.wh, fixture('taobao/ExportOrderDetailList202603.csv'), { shop: 'T100', now: NOW });
    const erp = await importFile(s.wh, fixture('erp/wdt-orders-202603.csv'), { now: NOW });
    const o = erp.tables.find((t) => t.table === 'orders')!;
    assert.deepEqual([o.inserted, o.updated, o.linked], [1, 0, 1], '…561 linked, …570 new');
    const sum = await s.wh.query<{ n: bigint; p: bigint }>(`SELECT count(*) AS n, sum(paid_amount) AS p FROM orders WHERE shop_id = 'T100'`);
    // 253350 from Taobao + 120.00 for the order only the ERP knows
    assert.deepEqual([sum[0]!.n, sum[0]!.p], [5n, 265350n]);
    const lines = await s.wh.query(`SELECT line_id FROM order_lines WHERE order_id = '3712345678901234561'`);
    assert.deepEqual(lines.map((l) => l.line_id), ['SKU-COAT-M|2b41b139'], 'the ERP line of a platform order is not added');
    // the product master fills cost on the platform SKU that carries the seller code
    await importFile(s.wh, fixture('erp/products.csv'), { shop: 'T100', now: NOW });
    const p = await s.wh.query(`SELECT sku_id, unit_cost, title FROM products WHERE sku_id IN ('SKU-COAT-M', 'SKU-TEE-L') ORDER BY sku_id`);
    assert.deepEqual(p.map((x) => [x.sku_id, x.unit_cost]), [['SKU-COAT-M', 52000n], ['SKU-TEE-L', 1800n]]);
  } finally {
    await s.cleanup();
  }
});

test('ERP first, platform later: the platform export takes the order over, still one order', async () => {
  const s = await tempStore();
  try {
    await importFile(s.wh, fixture('erp/wdt-orders-202603.csv'), { shop: 'T100', now: NOW });
    // the ERP named the shop 蓝鲸旗舰店 before any platform file: that name is its id for now
    const shops = await s.wh.query('SELECT shop_id FROM shops');
    assert.deepEqual(shops.map((x) => x.shop_id), ['蓝鲸旗舰店']);
    const tb = await importFile(s.wh, fixture('taobao/ExportOrderList202603.csv'), { now: NOW });
    const t = tb.tables.find((x) => x.table === 'orders')!;
    assert.deepEqual([t.inserted, t.updated, t.linked], [3, 1, 0], '…561 taken over from the ERP copy');
    const all = await s.wh.query<{ n: bigint; p: bigint }>(`SELECT count(*) AS n, sum(paid_amount) AS p FROM orders`);
    assert.deepEqual([all[0]!.n, all[0]!.p], [5n, 265350n]);
    assert.deepEqual((await s.wh.query('SELECT shop_id FROM shops')).map((x) => x.shop_id), ['蓝鲸旗舰店'], 'same shop by name');
    await importFile(s.wh, fixture('jd/jd-orders-202603.csv'), { now: NOW });
    const jst = await importFile(s.wh, fixture('erp/jst-orders-202603.csv'), { now: NOW });
    assert.equal(jst.tables.find((t) => t.table === 'orders')?.linked, 1);
    const jd = await s.wh.query<{ n: bigint; p: bigint }>(`SELECT count(*) AS n, sum(paid_amount) AS p FROM orders WHERE shop_id = 'J200'`);
    assert.deepEqual([jd[0]!.n, jd[0]!.p], [3n, 49900n], 'JD 390.00 + 109.00, the 聚水潭 copy adds nothing');
    const l = await s.wh.query(`SELECT count(*) AS n FROM order_lines WHERE order_id = '310000000001'`);
    assert.equal(l[0]!.n, 2n);
  } finally {
    await s.cleanup();
  }
});

test('items before their orders: the lines get their paid share when the order report arrives', async () => {
  const s = await tempStore();
  try {
    await importFile(s.wh, fixture('taobao/ExportOrderDetailList202603.csv'), { shop: 'T100', now: NOW });
    const before = await s.wh.query<{ p: bigint }>('SELECT sum(paid_amount) AS p FROM order_lines');
    assert.equal(before[0]!.p, 0n, 'no order yet: nothing to share');
    await importFile(s.wh, fixture('taobao/ExportOrderList202603.csv'), { now: NOW });
    const l = await s.wh.query(`SELECT sku_id, paid_amount, paid_day FROM order_lines WHERE order_id = '3712345678901234562' ORDER BY sku_id`);
    assert.deepEqual(l.map((x) => [x.sku_id, x.paid_amount, x.paid_day]), [['SKU-SOCK', 15750n, '2026-03-01'], ['SKU-TEE-L', 5250n, '2026-03-01']]);
  } finally {
    await s.cleanup();
  }
});
