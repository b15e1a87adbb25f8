import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { GbkToUtf8 } from './gbk-utf8.js';

/** The reference: Node's own decoder over the whole input at once. */
const reference = (b: Buffer) => new TextDecoder('gb18030').decode(b);

function transcode(b: Buffer, split: number): string {
  const t = new GbkToUtf8();
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += split) out.push(t.write(b.subarray(i, i + split)));
  out.push(t.end());
  return Buffer.concat(out).toString('utf8');
}

test('an export in GBK comes out as the decoder gives it, whatever the chunk boundaries', () => {
  const text = '订单编号,买家会员名,收货地址 \r\n="3700000000000000000",张三,"浙江省 杭州市，西湖区"\r\n1,李四,北京市\r\n';
  const b = iconv.encode(text, 'gbk');
  for (const split of [1, 2, 3, 7, 64, b.length]) assert.equal(transcode(b, split), text, `split ${split}`);
});

test('four-byte GB18030, invalid bytes, 0x80, 0xff and a lead byte cut by the end match the decoder', () => {
  const parts = [
    iconv.encode('a,😀,𠀀,中\n', 'gb18030'), // four-byte sequences
    Buffer.from([0x81, 0x0a]), // a lead byte before LF
    Buffer.from([0x61, 0x80, 0x62, 0xff, 0x63, 0x0a]),
    Buffer.from([0x81, 0x7f, 0x41, 0x0a]), // a lead byte before a byte that is no trail
    Buffer.from([0xa1, 0x40, 0x0a]), // a pair the table does not hold
    iconv.encode('中文,', 'gbk'), Buffer.from([0xd6]), // a lead byte cut by the end of the file
  ];
  const b = Buffer.concat(parts);
  for (const split of [1, 2, 3, 5, b.length]) assert.equal(transcode(b, split), reference(b), `split ${split}`);
});

test('random bytes: the same text as the decoder', () => {
  // xorshift, so a failure repeats
  let x = 0x2545f491;
  const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), x >>> 0);
  for (let round = 0; round < 50; round++) {
    const b = Buffer.alloc(2000);
    for (let i = 0; i < b.length; i++) {
      const r = next() % 100;
      b[i] = r < 5 ? 0x0a : r < 40 ? 0x20 + (next() % 0x60) : 0x80 + (next() % 0x80);
    }
    assert.equal(transcode(b, 1 + (next() % 300)), reference(b), `round ${round}`);
  }
});
