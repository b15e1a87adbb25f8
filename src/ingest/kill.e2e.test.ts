/**
 * Atomicity under kill -9: a run killed mid-import leaves the store exactly as before, and the
 * store opens and imports fine afterwards.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { runCli } from '../../test/helpers/cli.js';
import { tempDir } from '../../test/helpers/store.js';
import { openWarehouse } from '../warehouse/index.js';
import { writeBigExport } from './synthetic/big-export.js';
import { fixture, storeFingerprint } from './test-fixtures.js';

const TABLES = ['shops', 'orders', 'order_lines', 'customers', 'order_status_history', 'import_runs', 'import_quarantine', 'import_order_origins', 'data_changes'];

async function fingerprint(db: string) {
  const wh = await openWarehouse(db);
  try {
    return await storeFingerprint(wh, TABLES);
  } finally {
    await wh.close();
  }
}

test('kill -9 during an import leaves the store exactly as before', async () => {
  const d = tempDir();
  try {
    const db = join(d.dir, 's.duckdb');
    assert.equal(runCli(['--db', db, 'import', fixture('taobao/ExportOrderList202603.csv')]).code, 0);
    const before = await fingerprint(db);
    const big = join(d.dir, 'ExportOrderList-big.csv');
    await writeBigExport(big, 'taobao-gbk', 400_000);
    const child = spawn(process.execPath, [resolve('bin/shoplens.js'), '--db', db, 'import', big], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let exited = false;
    child.on('exit', () => (exited = true));
    // Kill as soon as the progress line (rows/s) shows the run is mid-way.
    await new Promise<void>((res, rej) => {
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        if (/rows\/s/.test(stderr) && !exited) { child.kill('SIGKILL'); res(); }
      });
      child.on('exit', () => rej(new Error(`import finished before it could be killed:\n${stderr}`)));
    });
    await new Promise((r) => child.once('exit', r));
    assert.equal(child.signalCode, 'SIGKILL');
    assert.deepEqual(await fingerprint(db), before);
    // the store is usable: the same small import again changes nothing, and is logged
    const again = runCli(['--db', db, 'import', fixture('taobao/ExportOrderList202603.csv'), '--format', 'json']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).runs[0].run.rows_inserted, 0);
  } finally {
    d.cleanup();
  }
});
