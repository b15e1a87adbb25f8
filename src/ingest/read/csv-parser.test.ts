import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvParser } from './csv-parser.js';
import { isUtf8, sniff } from './encoding.js';
import iconv from 'iconv-lite';

function parseAll(chunks: string[], delimiter?: string): string[][] {
  const p = new CsvParser(delimiter ? { delimiter } : {});
  const out: string[][] = [];
  for (const c of chunks) p.push(c, out);
  p.end(out);
  return out;
}

const TEXT = 'a,"b,1","say ""hi""",\r\n"multi\nline",x,,"=""123"""\n"",last';
const EXPECTED = [['a', 'b,1', 'say "hi"', ''], ['multi\nline', 'x', '', '="123"'], ['', 'last']];

test('RFC 4180: quoted commas, doubled quotes, line breaks in quotes, CRLF and LF', () => {
  assert.deepEqual(parseAll([TEXT]), EXPECTED);
});

test('the same records whatever the chunk boundaries', () => {
  for (let i = 0; i <= TEXT.length; i++) {
    for (let j = i; j <= TEXT.length; j += 7) {
      assert.deepEqual(parseAll([TEXT.slice(0, i), TEXT.slice(i, j), TEXT.slice(j)]), EXPECTED, `split at ${i}/${j}`);
    }
  }
});

test('an unclosed quote at the end is reported (truncated file)', () => {
  const p = new CsvParser();
  const out: string[][] = [];
  p.push('a,b\n"unfinished,', out);
  assert.equal(p.end(out).unterminatedQuote, true);
});

test('whitespace-aligned text (CDNOW)', () => {
  assert.deepEqual(parseAll([' 00001 19970101  1   11.77\r\n 0000', '2 19970112  1   12.00'], 'whitespace'), [['00001', '19970101', '1', '11.77'], ['00002', '19970112', '1', '12.00']], 'whitespace');
});

test('encoding sniffing: BOM, UTF-8, GBK, xlsx, xls, binary', () => {
  const zh = '订单编号,买家会员名\n';
  assert.deepEqual(sniff(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(zh)])), { kind: 'csv', encoding: 'utf-8-bom', skip: 3 });
  assert.deepEqual(sniff(Buffer.from(zh)), { kind: 'csv', encoding: 'utf-8', skip: 0 });
  assert.deepEqual(sniff(iconv.encode(zh, 'gbk')), { kind: 'csv', encoding: 'gb18030', skip: 0 });
  assert.equal(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2])).kind, 'xlsx');
  assert.equal(sniff(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])).kind, 'xls');
  assert.equal(sniff(Buffer.from([0x00, 0x01, 0x02, 0x03])).kind, 'binary');
});

test('a UTF-8 sample cut inside a character is still UTF-8', () => {
  const b = Buffer.from('订单编号');
  assert.equal(isUtf8(b.subarray(0, b.length - 1)), true);
  assert.equal(isUtf8(iconv.encode('订单编号订单编号', 'gbk')), false);
});
