import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvScanner } from './scan-csv.js';

function scan(text: string, split = 0) {
  const s = new CsvScanner(true);
  const b = Buffer.from(text);
  // the same answer whatever the chunk boundaries
  if (split) for (let i = 0; i < b.length; i += split) s.push(b.subarray(i, i + split));
  else s.push(b);
  return s.end();
}

test('records are counted as our parser counts them: quoted line breaks stay in the record', () => {
  const t = 'a,b,c\r\n"x\ny",="1",2\r\n3,"q""q",\r\n';
  for (const split of [0, 1, 2, 5]) {
    const r = scan(t, split);
    assert.equal(r.irregular, null);
    assert.equal(r.records, 3, `split ${split}`);
    assert.equal(r.headerCells, 3);
  }
});

test('short rows are kept by record number; trailing empty lines are not records', () => {
  const r = scan('a,b,c\n1,2\n1,2,3\n4\n\n\n');
  assert.deepEqual([...r.short], [[2, 2], [4, 1]]);
  assert.equal(r.records, 4);
});

test('quirks where DuckDB and our parser part ways make the file irregular', () => {
  assert.match(scan('a,b\n"1"x,2\n').irregular ?? '', /closing quote/);
  assert.match(scan('a,b\n "1",2\n').irregular ?? '', /after spaces/);
  assert.match(scan('a,b\r1,2\r').irregular ?? '', /lone CR/);
  assert.match(scan('a,b\n1,2\n\n3,4\n').irregular ?? '', /blank line/);
  assert.match(scan('a,b\n1,2\n,\n').irregular ?? '', /empty cells/);
  assert.match(scan('a,b\n1,"2\n').irregular ?? '', /never closed/);
  assert.match(scan('\na,b\n1,2\n').irregular ?? '', /header/);
  const bad = new CsvScanner(true);
  bad.push(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0x2c, 0x31, 0x0a]));
  assert.match(bad.end().irregular ?? '', /UTF-8/);
  // a quote inside a cell is a plain character to both (Taobao writes ="123" unquoted)
  assert.equal(scan('a,b\n="123",x"y\n').irregular, null);
});

test('the first byte of every data record is found, after CRLF and quoted line breaks, whatever the chunks', () => {
  const t = 'h1,h2\r\n1,a\r\n2,"b\r\nc"\r\n3,c\r\n4\r\n\r\n';
  for (const split of [0, 1, 3]) {
    const s = new CsvScanner(true);
    const b = Buffer.from(t);
    const starts: number[] = [];
    for (let i = 0; i < b.length; i += split || b.length) {
      s.push(b.subarray(i, i + (split || b.length)));
      starts.push(...s.takeStarts());
    }
    s.end();
    starts.push(...s.takeStarts());
    assert.deepEqual(starts, [t.indexOf('1,a'), t.indexOf('2,"b'), t.indexOf('3,c'), t.indexOf('4\r')], `split ${split}`);
  }
});

test('guarded columns: a data cell with a guard or space at its start, or a space or control character at its end', () => {
  // 0 ="1" · 1 plain · 2 quoted, tab first · 3 leading space · 4 trailing space · 5 quoted, trailing space
  // 6 quoted "a""" (ends with a quote) · 7 apostrophe · 8 quoted line break at the end · 9 中文 and empty cells
  const t = 'a,b,c,d,e,f,g,h,i,j\r\n="1",x,"\t2", y,z ,ok,"a""",\'7,"x\n",中文\r\n3,x,4,y,z,"q ",b,8,y,\r\n';
  for (const split of [0, 1, 2, 7]) {
    const r = scan(t, split);
    assert.equal(r.irregular, null);
    assert.deepEqual([...r.guarded].sort((a, b) => a - b), [0, 2, 3, 4, 5, 7, 8], `split ${split}`);
  }
  // the header does not count; the last cell of a file without a final line break does
  assert.deepEqual([...scan(' a,b \n1,2').guarded], []);
  assert.deepEqual([...scan('a,b\n1,2 ').guarded], [1]);
});

test('a row over 1 MiB makes the file irregular (read_csv refuses such lines); one just under does not', () => {
  const cell = (n: number) => 'x'.repeat(n);
  assert.match(scan(`a,b\n${cell((1 << 20) + 1)},1\n`).irregular ?? '', /1 MiB/);
  assert.equal(scan(`a,b\n${cell((1 << 20) - 10)},1\n`, 65536).irregular, null);
});
