/**
 * The merge has two paths: when the run's shops hold nothing yet, rows are inserted as they
 * are (no diff join, first_paid_at written with the customer); otherwise every row is
 * compared with the store. Differential test: the same export goes into a store whose shop is
 * empty (insert path) and into one whose shop already holds one unrelated order and buyer
 * (compare path). Apart from that seed, both stores must end up with the same rows, and the
 * run must report the same counts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { tempDir, tempStore } from '../../../test/helpers/store.js';
import type { Warehouse } from '../../warehouse/index.js';
import { importFile } from '../index.js';
import { writeBigExport, type BigExportKind } from '../synthetic/big-export.js';

const NOW = new Date('2026-12-01T00:00:00Z');

/** Tables the merge writes, each without the columns that name the run or its clock. */
const TABLES: Record<string, string> = {
  orders: '*',
  order_lines: '*',
  customers: '*',
  refunds: '*',
  products: '*',
  order_status_history: '* EXCLUDE (seen_at, run_id)',
  import_order_origins: '* EXCLUDE (run_id)',
};

/** Row count and an order-independent hash of every table, leaving the seed's rows out. */
async function fingerprint(wh: Warehouse, seedOrder: string, seedBuyer: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [t, cols] of Object.entries(TABLES)) {
    const notSeed = t === 'customers' ? `customer_id <> '${seedBuyer}'` : t === 'products' ? `sku_id <> 'SEED-SKU'` : `order_id <> '${seedOrder}'`;
    const [r] = await wh.query<{ n: bigint; h: bigint | null }>(
      `SELECT count(*) AS n, sum(hash(CAST(x AS VARCHAR))) AS h FROM (SELECT ${cols} FROM ${t} WHERE ${notSeed}) x`);
    out[t] = `${r!.n}:${r!.h ?? 0n}`;
  }
  return out;
}

/**
 * A one-order export of the same shop whose ids appear nowhere in the big export: its first
 * data row with the order id and buyer renamed.
 */
function writeSeed(kind: BigExportKind, from: string, to: string, ids: [string, string][]): void {
  const gbk = kind === 'taobao-gbk';
  const text = gbk ? iconv.decode(readFileSync(from), 'gbk') : readFileSync(from, 'utf8');
  let [head, first] = text.split('\r\n');
  for (const [a, b] of ids) first = first!.split(a).join(b);
  const out = `${head}\r\n${first}\r\n`;
  writeFileSync(to, gbk ? iconv.encode(out, 'gbk') : Buffer.from(out, 'utf8'));
}

async function bothPaths(kind: BigExportKind, rows: number, seedIds: [string, string][], seedOrder: string, seedBuyer: string, check: (wh: Warehouse) => Promise<void>) {
  const dir = tempDir();
  const empty = await tempStore();
  const seeded = await tempStore();
  try {
    const file = join(dir.dir, 'export.csv');
    const seed = join(dir.dir, 'seed.csv');
    await writeBigExport(file, kind, rows);
    writeSeed(kind, file, seed, seedIds);
    const s = await importFile(seeded.wh, seed, { shop: 'bench', now: NOW });
    assert.equal(s.tables.find((t) => t.table === 'orders')?.inserted, 1, 'the seed is one order');
    const a = await importFile(empty.wh, file, { shop: 'bench', now: NOW });
    const b = await importFile(seeded.wh, file, { shop: 'bench', now: NOW });
    assert.deepEqual(a.tables, b.tables, 'same counts on both paths');
    const fa = await fingerprint(empty.wh, seedOrder, seedBuyer);
    assert.deepEqual(await fingerprint(seeded.wh, seedOrder, seedBuyer), fa);
    await check(empty.wh);
    await check(seeded.wh);
    return a;
  } finally {
    await empty.cleanup();
    await seeded.cleanup();
    dir.cleanup();
  }
}

test('Taobao 订单报表: insert path and compare path give the same orders, buyers, first payments, history and origins', async () => {
  // buyer_0 … buyer_2999 each place one order; 1 in 5 is unpaid (等待买家付款).
  const a = await bothPaths('taobao-gbk', 3000, [['3700000000000000000', '3799999999999999999'], ['buyer_0,', 'seed_buyer,']],
    '3799999999999999999', 'seed_buyer', async (wh) => {
      // 2400 paid orders (4 statuses in 5 are paid), one per buyer: 2400 buyers with a first payment
      const [c] = await wh.query<{ n: bigint; paid: bigint }>(
        `SELECT count(*) AS n, count(first_paid_at) AS paid FROM customers WHERE customer_id <> 'seed_buyer'`);
      assert.deepEqual([c!.n, c!.paid], [3000n, 2400n]);
      const [h] = await wh.query<{ n: bigint }>(`SELECT count(*) AS n FROM order_status_history WHERE order_id <> '3799999999999999999'`);
      assert.equal(h!.n, 3000n, 'one status seen per new order');
    });
  const orders = a.tables.find((t) => t.table === 'orders')!;
  assert.deepEqual([orders.staged, orders.inserted, orders.updated, orders.unchanged], [3000, 3000, 0, 0]);
});

test('抖店 orders (sub-order rows, lines, inferred refunds): both paths agree', async () => {
  // 2000 sub-orders, two per order: 1000 orders, 2000 lines; every 50th row 退款成功 → 40 refunds
  const a = await bothPaths('douyin-bom', 2000, [['6900000000000000000', '6999999999999999999'], ['MASK-0,', 'SEED-SKU,']], '6999999999999999999', '', async (wh) => {
    const [l] = await wh.query<{ n: bigint }>(`SELECT count(*) AS n FROM order_lines WHERE order_id <> '6999999999999999999'`);
    assert.equal(l!.n, 2000n);
  });
  const t = (name: string) => a.tables.find((x) => x.table === name)!;
  assert.deepEqual([t('orders').inserted, t('order_lines').inserted, t('refunds').inserted], [1000, 2000, 40]);
});
