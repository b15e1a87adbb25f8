/** The quality report finds the defects planted in test/fixtures/ingest/quality/. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempStore } from '../../test/helpers/store.js';
import { importFile, type Finding } from './index.js';
import { fixture, NOW } from './test-fixtures.js';

const found = (q: Finding[], check: string, table?: string) => q.filter((f) => f.check === check && (!table || f.table === table)).reduce((a, f) => a + f.found, 0);

test('planted defects are found, per run and per table', async () => {
  const s = await tempStore();
  try {
    const r = await importFile(s.wh, fixture('quality/defects-orders.csv'), { now: NOW });
    // 13 daily orders (Feb 10 missing) + a repeat of the first + unknown status + future date + empty paid amount
    assert.equal(r.run.rows_read, 17);
    assert.equal(r.run.rows_quarantined, 1);
    assert.equal(found(r.quality, 'duplicates_removed', 'orders'), 1);
    assert.equal(found(r.quality, 'null_required'), 1);
    assert.deepEqual(r.quality.find((f) => f.check === 'null_required')?.examples, ['买家实际支付金额: 1']);
    assert.equal(found(r.quality, 'unknown_status'), 1);
    assert.deepEqual(r.quality.find((f) => f.check === 'unknown_status')?.examples, ['神秘状态: 1']);
    assert.equal(found(r.quality, 'future_dates', 'orders'), 1);
    assert.deepEqual(r.quality.find((f) => f.check === 'gaps')?.examples, ['缺陷店 2026-02-10']);
    assert.equal(found(r.quality, 'orders_without_lines'), 15);
    const stored = await s.wh.query('SELECT check_name, table_name, found FROM import_quality WHERE run_id = $1 AND found > 0 ORDER BY 1, 2', [r.run.run_id]);
    assert.deepEqual(stored.map((x) => [x.check_name, x.table_name, x.found]), [
      ['duplicates_removed', 'orders', 1], ['future_dates', 'orders', 1], ['gaps', 'orders', 1], ['null_required', 'source', 1],
      ['orders_without_lines', 'orders', 15], ['unknown_status', 'source', 1],
    ]);

    const items = await importFile(s.wh, fixture('quality/defects-items.csv'), { now: NOW });
    assert.equal(found(items.quality, 'lines_without_orders'), 1);
    assert.deepEqual(items.quality.find((f) => f.check === 'lines_without_orders')?.examples.map((e) => e.split(' / ')[0]), ['9000000000000000099']);
    assert.equal(found(items.quality, 'orders_without_lines'), 14);
    const refunds = await importFile(s.wh, fixture('quality/defects-refunds.csv'), { now: NOW });
    assert.equal(found(refunds.quality, 'refunds_without_orders'), 1);
    // an ERP order whose own line amounts (60 + 30) do not add up to its paid 100
    const erp = await importFile(s.wh, fixture('quality/defects-erp.csv'), { now: NOW });
    assert.equal(found(erp.quality, 'line_amounts_mismatch'), 1);
    assert.match(erp.quality.find((f) => f.check === 'line_amounts_mismatch')!.examples[0]!, /^5000000000000000001: 10000 ≠ 9000$/);
  } finally {
    await s.cleanup();
  }
});
