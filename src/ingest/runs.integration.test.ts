/** Import runs: idempotent re-import, overlapping exports, --strict, --dry-run, bad files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, tempStore } from '../../test/helpers/store.js';
import { importFile } from './index.js';
import { fixture, NOW, storeFingerprint } from './test-fixtures.js';

const DATA = ['shops', 'orders', 'order_lines', 'refunds', 'customers', 'products', 'order_status_history', 'data_changes'];

test('re-importing the same files changes nothing', async () => {
  const s = await tempStore();
  try {
    const files: [string, string?][] = [['taobao/ExportOrderList202603.csv'], ['taobao/ExportOrderDetailList202603.csv', 'T100'], ['taobao/refunds202603.csv', 'T100'], ['douyin/douyin-orders-202603.csv'], ['jd/jd-orders-202603.csv']];
    for (const [f, shop] of files) await importFile(s.wh, fixture(f), { ...(shop ? { shop } : {}), now: NOW });
    const before = await storeFingerprint(s.wh, DATA);
    for (const [f, shop] of files) {
      const r = await importFile(s.wh, fixture(f), { ...(shop ? { shop } : {}), now: NOW });
      assert.equal(r.run.rows_inserted, 0, f);
      assert.equal(r.run.rows_updated, 0, f);
      assert.ok(r.run.rows_unchanged > 0, f);
    }
    assert.deepEqual(await storeFingerprint(s.wh, DATA), before);
    const runs = await s.wh.query<{ n: bigint }>(`SELECT count(*) AS n FROM import_runs WHERE status = 'committed'`);
    assert.equal(runs[0]!.n, 10n, 'every run is logged, with its sha256');
    const sha = await s.wh.query<{ n: bigint }>(`SELECT count(DISTINCT sha256) AS n FROM import_runs`);
    assert.equal(sha[0]!.n, 5n);
  } finally {
    await s.cleanup();
  }
});

test('overlapping exports: each order once, the later state wins, history kept, an older export never rolls back', async () => {
  const s = await tempStore();
  try {
    await importFile(s.wh, fixture('taobao/overlap-week1.csv'), { shop: 'S9', now: NOW });
    const w2 = await importFile(s.wh, fixture('taobao/overlap-week2.csv'), { shop: 'S9', now: NOW });
    const o = w2.tables.find((t) => t.table === 'orders')!;
    assert.deepEqual([o.inserted, o.updated, o.unchanged], [1, 1, 0]);
    const all = await s.wh.query('SELECT order_id, status, paid_amount FROM orders ORDER BY order_id');
    assert.deepEqual(all.map((x) => [x.order_id, x.status, x.paid_amount]), [
      ['4000000000000000001', 'completed', 10000n], ['4000000000000000002', 'completed', 5000n], ['4000000000000000003', 'completed', 8000n],
    ]);
    const hist = await s.wh.query(`SELECT status, status_raw FROM order_status_history WHERE order_id = '4000000000000000001' ORDER BY seen_at`);
    assert.deepEqual(hist.map((h) => h.status), ['paid', 'completed']);
    // week 1 again, out of order: older data, nothing changes
    const again = await importFile(s.wh, fixture('taobao/overlap-week1.csv'), { shop: 'S9', now: NOW });
    assert.equal(again.run.rows_updated, 0);
    assert.equal((await s.wh.query(`SELECT status FROM orders WHERE order_id = '4000000000000000001'`))[0]!.status, 'completed');
    // the shop was named by the file (店铺名称) — --shop is only the fallback
    assert.deepEqual((await s.wh.query('SELECT shop_id FROM shops')).map((x) => x.shop_id), ['白鹭店']);
  } finally {
    await s.cleanup();
  }
});

test('--strict rejects the whole file and logs the rejection; --dry-run writes nothing', async () => {
  const s = await tempStore();
  try {
    await assert.rejects(importFile(s.wh, fixture('taobao/ExportOrderList202603.csv'), { strict: true, now: NOW }),
      (e: { code: string; location: { row: number; column: string } }) => e.code === 'INGEST_STRICT_REJECTED' && e.location.row === 6 && e.location.column === '订单编号');
    assert.equal((await s.wh.query<{ n: bigint }>('SELECT count(*) AS n FROM orders'))[0]!.n, 0n);
    assert.deepEqual((await s.wh.query('SELECT status, rows_quarantined FROM import_runs')).map((r) => [r.status, r.rows_quarantined]), [['rejected', 2]]);
    const dry = await importFile(s.wh, fixture('taobao/ExportOrderList202603.csv'), { dryRun: true, now: NOW });
    assert.equal(dry.dryRun, true);
    assert.equal(dry.tables.find((t) => t.table === 'orders')?.inserted, 4, 'the dry run reports what would happen');
    assert.equal((await s.wh.query<{ n: bigint }>('SELECT count(*) AS n FROM orders'))[0]!.n, 0n);
    assert.equal((await s.wh.query<{ n: bigint }>('SELECT count(*) AS n FROM import_runs'))[0]!.n, 1n);
  } finally {
    await s.cleanup();
  }
});

test('empty, header-only, binary, truncated, unknown, corrupt, Excel 97-2003 and HTML-table files give clear errors and leave the store alone', async () => {
  const s = await tempStore();
  try {
    const cases: [string, string][] = [
      ['bad/empty.csv', 'INGEST_FILE_EMPTY'], ['bad/header-only.csv', 'INGEST_FILE_EMPTY'], ['bad/binary.csv', 'INGEST_FILE_BINARY'],
      ['bad/truncated.csv', 'INGEST_FILE_TRUNCATED'], ['bad/unknown-format.csv', 'INGEST_FORMAT_UNKNOWN'], ['bad/not-a-zip.xlsx', 'INGEST_FILE_TRUNCATED'], ['bad/legacy-97.xls', 'INGEST_FILE_XLS'], ['bad/html-table.xls', 'INGEST_FILE_MARKUP'],
      ['bad/does-not-exist.csv', 'INGEST_FILE_MISSING'],
    ];
    for (const [f, code] of cases) await assert.rejects(importFile(s.wh, fixture(f), { shop: 'X', now: NOW }), { code }, f);
    await assert.rejects(importFile(s.wh, fixture('taobao/ExportOrderList202603.csv'), { source: 'nope', now: NOW }), { code: 'INGEST_SOURCE_UNKNOWN' });
    await assert.rejects(importFile(s.wh, fixture('taobao/ExportOrderList202603.csv'), { source: 'jd-orders', now: NOW }), { code: 'INGEST_HEADER_MISSING' });
    for (const t of ['orders', 'shops', 'import_runs']) assert.equal((await s.wh.query<{ n: bigint }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n, 0n, t);
  } finally {
    await s.cleanup();
  }
});

test('a buyer on many rows is one customer, not duplicates: both paths count buyers, past the JS path\'s window of 20,000', async () => {
  const d = tempDir();
  try {
    // 20,001 buyers, then the first buyer's second order: the JS path has staged that buyer
    // once already when it meets it again (its window of held buyers filled at 20,000).
    const header = '订单编号,买家会员名,买家应付货款,买家应付邮费,总金额,买家实际支付金额,订单状态,订单创建时间,订单付款时间 ,店铺Id,店铺名称';
    const row = (i: number, buyer: number) => `${3700000000000000000n + BigInt(i)},buyer${buyer},10.00,0.00,10.00,10.00,交易成功,2026-03-01 10:00:00,2026-03-01 10:05:00,T100,蓝鲸旗舰店`;
    const rows = Array.from({ length: 20_001 }, (_, i) => row(i, i));
    rows.push(row(20_001, 0));
    const path = join(d.dir, 'ExportOrderList-buyers.csv');
    writeFileSync(path, [header, ...rows, ''].join('\r\n'));
    for (const engine of ['duckdb', 'js']) {
      const s = await tempStore();
      try {
        if (engine === 'js') process.env.SHOPLENS_INGEST_ENGINE = 'js';
        const r = await importFile(s.wh, path, { now: NOW });
        const c = r.tables.find((t) => t.table === 'customers')!;
        assert.deepEqual([c.staged, c.duplicates, c.inserted], [20_001, 0, 20_001], engine);
        assert.equal(r.tables.find((t) => t.table === 'orders')!.inserted, 20_002, engine);
      } finally {
        delete process.env.SHOPLENS_INGEST_ENGINE;
        await s.cleanup();
      }
    }
  } finally {
    d.cleanup();
  }
});
