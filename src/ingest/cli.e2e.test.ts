/** The shoplens import/sources/quarantine/quality commands, run as a user runs them (built bin). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../test/helpers/cli.js';
import { tempDir } from '../../test/helpers/store.js';
import { sourceFormats } from './index.js';
import { fixture } from './test-fixtures.js';

test('shoplens sources lists every format with zh/en names and grain', () => {
  const r = runCli(['sources', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout).rows as { source: string; 名称: string; name: string; grain: string }[];
  assert.deepEqual(rows.map((x) => x.source), sourceFormats.map((s) => s.id));
  assert.ok(rows.every((x) => x.名称 && x.name && x.grain));
});

test('import prints the detected format and run; quarantine and quality show the run', () => {
  const d = tempDir();
  try {
    const db = join(d.dir, 's.duckdb');
    const r = runCli(['--db', db, 'import', fixture('taobao/ExportOrderList202603.csv')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /detected: taobao-orders · gb18030/);
    assert.match(r.stdout, /格式 \/ source: taobao-orders/);
    assert.match(r.stdout, /隔离 quarantined 2/);
    // quality findings in words, with their code
    assert.match(r.stdout, /订单无明细 \/ orders without lines \[orders_without_lines\] \(orders\): 4/);
    const run = /批次 \/ run: (r[\w-]+)/.exec(r.stdout)?.[1];
    assert.ok(run);
    const q = runCli(['--db', db, 'quarantine', run!, '--format', 'json']);
    assert.equal(q.code, 0, q.stderr);
    const rows = JSON.parse(q.stdout).rows as { row: number; column: string; code: string }[];
    assert.deepEqual(rows.map((x) => [x.row, x.column, x.code]), [[6, '订单编号', 'INGEST_ID_SCIENTIFIC'], [7, '买家实际支付金额', 'INGEST_AMOUNT_INVALID']]);
    const ql = runCli(['--db', db, 'quality']);
    assert.equal(ql.code, 0, ql.stderr);
    assert.match(ql.stdout, /订单无明细 \/ orders without lines\s+orders_without_lines\s+orders\s+4/);
    const log = runCli(['--db', db, 'quality', '--runs', '--format', 'json']);
    assert.equal(log.code, 0, log.stderr);
    const runs = JSON.parse(log.stdout).rows as { run_id: string; sha256: string; encoding: string; rows_read: number }[];
    assert.deepEqual(runs.map((x) => [x.run_id, x.encoding, x.rows_read]), [[run, 'gb18030', 6]]);
    // the file's SHA-256 (hashed on a worker thread while the file is read)
    assert.equal(runs[0]!.sha256, createHash('sha256').update(readFileSync(fixture('taobao/ExportOrderList202603.csv'))).digest('hex'));
    // needs a shop: a clear error with zh + en and exit code 3
    const noShop = runCli(['--db', db, 'import', fixture('taobao/ExportOrderDetailList202603.csv')]);
    assert.equal(noShop.code, 3);
    assert.match(noShop.stderr, /错误 \[INGEST_SHOP_MISSING\]/);
    assert.match(noShop.stderr, /Error \[INGEST_SHOP_MISSING\].*--shop/);
    const ok = runCli(['--db', db, 'import', fixture('taobao/ExportOrderDetailList202603.csv'), '--shop', 'T100', '--dry-run']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /dry run: nothing was written/);
    const bad = runCli(['--db', db, 'import', fixture('bad/binary.csv')]);
    assert.equal(bad.code, 3);
    assert.match(bad.stderr, /INGEST_FILE_BINARY/);
  } finally {
    d.cleanup();
  }
});
