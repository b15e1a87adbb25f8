/**
 * Generic files through a saved column mapping, checked against the published figures of
 * real public datasets (../shared/data/public/README.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { tempStore, tempDir } from '../../test/helpers/store.js';
import { importFile } from './index.js';
import { fixture } from './test-fixtures.js';

const PUBLIC = resolve('../shared/data/public');

test('Olist subset: 10,000 orders, 11,252 items, 9,920 unique customers, 9,889 orders with items', async () => {
  const s = await tempStore();
  try {
    const o = await importFile(s.wh, `${PUBLIC}/olist/subset_2017_10k/orders.csv`, { mapping: fixture('mappings/olist-orders.json') });
    assert.equal(o.run.rows_quarantined, 0);
    const i = await importFile(s.wh, `${PUBLIC}/olist/subset_2017_10k/order_items.csv`, { mapping: fixture('mappings/olist-items.json') });
    assert.equal(i.run.rows_quarantined, 0);
    const [c] = await s.wh.query<Record<string, bigint>>(`SELECT
      (SELECT count(*) FROM orders WHERE shop_id = 'olist') AS orders,
      (SELECT count(*) FROM order_lines WHERE shop_id = 'olist') AS items,
      (SELECT count(DISTINCT customer_id) FROM orders WHERE shop_id = 'olist') AS buyers,
      (SELECT count(DISTINCT order_id) FROM order_lines WHERE shop_id = 'olist') AS with_items`);
    assert.deepEqual([c!.orders, c!.items, c!.buyers, c!.with_items], [10000n, 11252n, 9920n, 9889n]);
    const [shop] = await s.wh.query('SELECT timezone, currency FROM shops');
    assert.deepEqual([shop!.timezone, shop!.currency], ['America/Sao_Paulo', 'BRL']);
    // order total = Σ(price + freight) of its items, as the mapping says (amountsFromLines)
    const [m] = await s.wh.query<{ n: bigint }>(`SELECT count(*) AS n FROM orders o JOIN (SELECT order_id, sum(paid_amount) AS p FROM order_lines GROUP BY 1) l USING (order_id) WHERE o.order_total <> l.p`);
    assert.equal(m!.n, 0n);
  } finally {
    await s.cleanup();
  }
});

test('CDNOW master: 69,659 transactions of 23,570 customers, $2,500,315.63 in New York time', async () => {
  const s = await tempStore();
  try {
    const r = await importFile(s.wh, `${PUBLIC}/cdnow/CDNOW_master.txt`, { mapping: fixture('mappings/cdnow.json') });
    assert.equal(r.run.rows_read, 69659);
    const [c] = await s.wh.query(`SELECT count(*) AS n, count(DISTINCT customer_id) AS buyers, sum(paid_amount) AS total,
      min(created_day) AS first, max(created_day) AS last, sum(item_count) AS cds FROM orders`);
    assert.deepEqual([c!.n, c!.buyers, c!.total, c!.first, c!.last], [69659n, 23570n, 250031563n, '1997-01-01', '1998-06-30']);
  } finally {
    await s.cleanup();
  }
});

test('a mapping file with mistakes is refused with every problem listed', async () => {
  const d = tempDir();
  const s = await tempStore();
  try {
    const bad = `${d.dir}/bad.json`;
    writeFileSync(bad, JSON.stringify({ name: 'x', kind: 'orders', timezone: 'Mars/Olympus', columns: { created_at: 'd', price: 'p' } }));
    await assert.rejects(importFile(s.wh, fixture('taobao/overlap-week1.csv'), { mapping: bad }), (e: { code: string; messageEn: string }) =>
      e.code === 'INGEST_MAPPING_INVALID' && /columns\.price/.test(e.messageEn) && /Mars\/Olympus/.test(e.messageEn) && /order_id/.test(e.messageEn));
  } finally {
    await s.cleanup();
    d.cleanup();
  }
});
