import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { tempDir } from '../../../test/helpers/store.js';
import { CsvParser } from '../read/csv-parser.js';
import { prepareCsv, type PrepareOptions, type PreparedCsv } from './prepare-csv.js';

// A quoted line break (CRLF inside quotes), a short row, a guarded ID, a padded cell, 中文, blank lines at the end
const TEXT = [
  '订单编号,买家,金额', '="1001",张三,1.00', '1002,"李\r\n四",2.00', '1003,王五', '1004, 赵六,4.00',
  '1005,"x,y",5.00', '1006,"""q""",6.00', '1007,钱七,7.00', '', '',
].join('\r\n');

/** The data rows DuckDB will read, as our own parser reads the copy: [row index after the shift, …cells]. */
function rowsRead(p: PreparedCsv): string[][] {
  const rows: string[][] = [];
  for (const read of p.reads) {
    for (const f of read.files) {
      const parser = new CsvParser();
      const out: string[][] = [];
      parser.push(readFileSync(f.path, 'utf8'), out);
      parser.end(out);
      // the first line is the header, or the line a part without one begins with
      for (const [rn, ...cells] of out.slice(1).filter((r) => r.length > 1 || r[0] !== '')) rows.push([String(Number(rn) + f.shift), ...cells]);
    }
  }
  return rows;
}

async function prepared(path: string, encoding: 'utf-8' | 'gb18030', o: Omit<PrepareOptions, 'width'> = {}) {
  const p = (await prepareCsv(path, encoding, 0, { width: 3, ...o }))!;
  try {
    return { scan: p.scan, rows: p.scan.irregular ? [] : rowsRead(p), reads: p.reads.map((r) => [r.offset, r.rows]) };
  } finally {
    await p.cleanup();
  }
}

/** Every offset just past a line break: inside the quoted cell too, where the first part must go on alone. */
const lineStarts = (b: Buffer) => [...b.keys()].filter((i) => i > 0 && b[i - 1] === 0x0a && i < b.length);

for (const encoding of ['utf-8', 'gb18030'] as const) {
  test(`${encoding}: copied in two parts, split after any line break, the copy reads as the whole file's`, async () => {
    const d = tempDir();
    try {
      const path = join(d.dir, 'orders.csv');
      const bytes = encoding === 'utf-8' ? Buffer.from(TEXT) : iconv.encode(TEXT, 'gbk');
      writeFileSync(path, bytes);
      const whole = await prepared(path, encoding);
      assert.equal(whole.scan.irregular, null);
      assert.equal(whole.scan.records, 8);
      assert.deepEqual([...whole.scan.short], [[4, 2]]);
      assert.deepEqual([...whole.scan.guarded].sort(), [0, 1]);
      assert.deepEqual(whole.rows[1], ['1', '1002', '李\r\n四', '2.00']);
      assert.deepEqual(whole.rows.map((r) => r[0]), ['0', '1', '2', '3', '4', '5', '6']);
      for (const at of lineStarts(bytes)) {
        const two = await prepared(path, encoding, { split: { at, inProcess: true } });
        assert.deepEqual(two.scan, whole.scan, `split at ${at}`);
        assert.deepEqual(two.rows, whole.rows, `split at ${at}`);
        // one statement reads every row, whichever part it is in
        assert.deepEqual(two.reads, [[0, 7]], `split at ${at}`);
      }
    } finally {
      d.cleanup();
    }
  });
}

test('a blank line between data rows makes the file irregular wherever the split falls, also when it ends the first part', async () => {
  const d = tempDir();
  try {
    const path = join(d.dir, 'blank.csv');
    const bytes = Buffer.from('a,b\n1,2\n\n3,4\n5,6\n');
    writeFileSync(path, bytes);
    const whole = await prepared(path, 'utf-8');
    assert.equal(whole.scan.irregular, 'a blank line between data rows');
    for (const at of lineStarts(bytes)) {
      assert.equal((await prepared(path, 'utf-8', { split: { at, inProcess: true } })).scan.irregular, whole.scan.irregular, `split at ${at}`);
    }
  } finally {
    d.cleanup();
  }
});

test('on two threads: a split between rows, and one inside a quoted cell (the first part goes on alone), read as the whole file', async () => {
  const d = tempDir();
  try {
    const path = join(d.dir, 'orders.csv');
    const bytes = iconv.encode(TEXT, 'gbk');
    writeFileSync(path, bytes);
    const whole = await prepared(path, 'gb18030');
    const inQuotes = bytes.indexOf(iconv.encode('四', 'gbk'));
    const between = bytes.indexOf(Buffer.from('1005'));
    for (const at of [between, inQuotes]) {
      const two = await prepared(path, 'gb18030', { split: { at } });
      assert.deepEqual(two.scan, whole.scan, `split at ${at}`);
      assert.deepEqual(two.rows, whole.rows, `split at ${at}`);
    }
    // big enough by the setting: the split is found past the middle
    process.env.SHOPLENS_INGEST_SPLIT_BYTES = '1';
    try {
      assert.deepEqual(await prepared(path, 'gb18030'), whole);
    } finally {
      delete process.env.SHOPLENS_INGEST_SPLIT_BYTES;
    }
  } finally {
    d.cleanup();
  }
});
