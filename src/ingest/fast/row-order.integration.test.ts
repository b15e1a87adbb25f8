/**
 * Row numbers in a file large enough that DuckDB reads it on several threads (read_csv works
 * in blocks of ~8 MB; this file is ~45 MB). Rows planted in the middle of the file must be
 * reported at their own row, and a later copy of a row must win over the earlier one. Before
 * the row index was written into the copy DuckDB reads (numbered-copy.ts), rows were numbered
 * by rowid, and a cleaning plan with a join in it put whole blocks out of order: the bad row
 * below was reported at row 153478.
 *
 * The file is also big enough to be copied in two parts at once (prepare-csv.ts): the rows
 * planted at 120,001 lie in the second, whose row indexes are shifted by the first's count.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, tempStore } from '../../../test/helpers/store.js';
import { importFile } from '../index.js';
import { writeBigExport } from '../synthetic/big-export.js';

test('a 200 k-row 抖店 export: a bad row in the middle is reported at its own row, and the later copy of a row wins', async () => {
  const d = tempDir();
  const s = await tempStore();
  try {
    const path = join(d.dir, 'douyin-200k.csv');
    const rows = 200_000;
    await writeBigExport(path, 'douyin-bom', rows);
    const lines = readFileSync(path, 'utf8').split('\r\n');
    // lines[0] is the header (file row 1), lines[k] is file row k + 1
    const early = lines[40_000]!.split(',');
    assert.match(early[1]!, /^"\t\d{19}"$/, '子订单编号 is the second column');
    const bad = [...early];
    bad[0] = '"\t6999999999999999999"';
    bad[1] = '"\t6999999999999999998"';
    bad[8] = 'abc'; // 商品金额
    const later = [...early];
    later[18] = '已关闭'; // 订单状态
    const at = 120_000;
    lines.splice(at, 0, bad.join(','), later.join(','));
    writeFileSync(path, lines.join('\r\n'));

    // the DuckDB path reads (copies) the file before it cleans it; the JS path (taken should DuckDB read the copy otherwise) cleans as it reads
    let cleaned = 0;
    let read = 0;
    const r = await importFile(s.wh, path, { shop: 'dy', onProgress: (p) => { if (p.phase === 'cleaning') cleaned = p.rows; else if (p.phase === 'reading') read = p.rows; } });
    assert.equal(read, rows + 2, 'the DuckDB path copied every row');
    assert.equal(cleaned, rows + 2, 'the DuckDB path read every row');
    assert.equal(r.run.rows_read, rows + 2);
    assert.equal(r.run.rows_quarantined, 1);
    assert.deepEqual(r.problems.map((p) => [p.row, p.column]), [[at + 1, '商品金额']]);
    const lineId = early[1]!.slice(2, -1);
    const [line] = await s.wh.query<{ status_raw: string; n: bigint }>(
      `SELECT any_value(status_raw) AS status_raw, count(*) AS n FROM order_lines WHERE line_id = '${lineId}'`);
    assert.deepEqual(line, { status_raw: '已关闭', n: 1n });
  } finally {
    await s.cleanup();
    d.cleanup();
  }
});
