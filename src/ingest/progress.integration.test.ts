/**
 * What an import tells its progress bar (run/progress.ts): the phases in order, the rows, and a
 * fraction of the whole that only goes forward, on both paths and for a two-sheet workbook.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tempStore } from '../../test/helpers/store.js';
import { importFile, type ImportProgress } from './index.js';
import { fixture, NOW } from './test-fixtures.js';

async function watch(file: string, shop?: string): Promise<{ seen: ImportProgress[]; rowsRead: number }> {
  const s = await tempStore();
  try {
    const seen: ImportProgress[] = [];
    const r = await importFile(s.wh, fixture(file), { now: NOW, ...(shop ? { shop } : {}), onProgress: (p) => seen.push({ ...p }) });
    return { seen, rowsRead: r.run.rows_read };
  } finally {
    await s.cleanup();
  }
}

/** the phases in the order first reported */
const phases = (seen: ImportProgress[]) => [...new Set(seen.map((p) => p.phase))];

function assertForward(seen: ImportProgress[], rowsRead: number): void {
  const done = seen.map((p) => p.done);
  assert.deepEqual(done, [...done].sort((a, b) => a - b), 'the fraction never goes back');
  assert.ok(done.every((d) => d >= 0 && d <= 1));
  // before the commit the merge is past its big tables and its checks
  assert.ok(done.at(-1)! >= 0.94 && done.at(-1)! < 1, `last figure ${done.at(-1)}`);
  const last = (phase: string) => seen.filter((p) => p.phase === phase).at(-1);
  assert.equal(last('cleaning')?.rows, rowsRead, 'every row cleaned');
  assert.ok(seen.filter((p) => p.phase === 'merging').every((p) => p.rows === rowsRead), 'the merge counts the file');
}

test('the DuckDB path reads (copies), then cleans, then merges', async () => {
  const { seen, rowsRead } = await watch('douyin/douyin-orders-202603.csv');
  assert.equal(rowsRead, 3, 'the three data rows of the fixture');
  assert.deepEqual(phases(seen), ['reading', 'cleaning', 'merging']);
  const reading = seen.filter((p) => p.phase === 'reading');
  assert.equal(reading.at(-1)!.rows, rowsRead, 'every row copied');
  // reading ends at 15 %, cleaning at 60 %
  assert.equal(reading.at(-1)!.done, 0.15);
  assert.equal(seen.find((p) => p.phase === 'merging')!.done, 0.6);
  assertForward(seen, rowsRead);
});

test('the JS path cleans as it reads, from 0', async () => {
  process.env.SHOPLENS_INGEST_ENGINE = 'js';
  try {
    const { seen, rowsRead } = await watch('douyin/douyin-orders-202603.csv');
    assert.deepEqual(phases(seen), ['cleaning', 'merging']);
    // the file is read to its end in one batch of rows
    assert.equal(seen[0]!.done, 0.6);
    assertForward(seen, rowsRead);
  } finally {
    delete process.env.SHOPLENS_INGEST_ENGINE;
  }
});

test('a two-sheet 千牛 workbook reads its sheets in turn', async () => {
  const { seen, rowsRead } = await watch('taobao/qianniu-export-202603.xlsx');
  assert.deepEqual(phases(seen), ['cleaning', 'merging']);
  const cleaning = seen.filter((p) => p.phase === 'cleaning');
  // a workbook is cleaned up to 80 % of the bar; the order sheet read whole is half the file: 0.8 × 1/2
  assert.deepEqual(cleaning.map((p) => Math.round(p.done * 1000) / 1000), [0.4, 0.8]);
  assertForward(seen, rowsRead);
});
