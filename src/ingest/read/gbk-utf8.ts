/**
 * GBK/GB18030 bytes → UTF-8 bytes, without making a JS string in between (decoding to a
 * string and encoding it again cost ~2 s per 1 M-row Taobao export; this costs a fraction).
 *
 * Two-byte characters, nearly every Chinese character of an export, come from a table built
 * once from Node's own GB18030 decoder. Anything else — a four-byte sequence, a byte that is
 * not valid GBK — sends its whole line through that decoder, so the text is always exactly
 * what `TextDecoder('gb18030')` gives for the file (gbk-utf8.test.ts compares them). A line
 * can be decoded on its own because LF (0x0a) is never part of a multi-byte character.
 */

const LF = 0x0a;

/** (lead << 8 | trail) → UTF-8 bytes of the character, packed: length << 24 | bytes; 0 = not a plain pair */
let pairs: Uint32Array | undefined;

function pairTable(): Uint32Array {
  if (pairs) return pairs;
  const table = new Uint32Array(65536);
  // Every pair at once, one per line: the decoder resynchronises at each LF.
  const keys: number[] = [];
  const bytes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      keys.push((lead << 8) | trail);
      bytes.push(lead, trail, LF);
    }
  }
  const lines = new TextDecoder('gb18030').decode(Uint8Array.from(bytes)).split('\n');
  keys.forEach((key, k) => {
    const ch = lines[k]!;
    // one character, and not the replacement of an invalid pair
    if (ch.length !== 1 || ch === '\ufffd') return;
    const utf8 = Buffer.from(ch, 'utf8');
    let packed = 0;
    for (const b of utf8) packed = (packed << 8) | b;
    table[key] = ((utf8.length << 24) | packed) >>> 0;
  });
  return (pairs = table);
}

export class GbkToUtf8 {
  private readonly table = pairTable();
  /** the last line so far, not yet ended by LF (bytes of the previous chunks) */
  private carry: Buffer = Buffer.alloc(0);
  private readonly lineDecoder = new TextDecoder('gb18030');

  /** UTF-8 of the complete lines so far; the unfinished last line waits for the next chunk. */
  write(chunk: Buffer): Buffer {
    const src = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const last = src.lastIndexOf(LF);
    if (last < 0) {
      this.carry = Buffer.from(src);
      return Buffer.alloc(0);
    }
    this.carry = Buffer.from(src.subarray(last + 1));
    return this.lines(src, last + 1);
  }

  /** the last line, if the file does not end with LF */
  end(): Buffer {
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return rest.length ? Buffer.from(this.lineDecoder.decode(rest), 'utf8') : rest;
  }

  /** Transcodes src[0, end), which ends with LF. */
  private lines(src: Buffer, end: number): Buffer {
    const table = this.table;
    // A two-byte character becomes at most three bytes; everything else keeps or shrinks its
    // size, except what the decoder replaces, which a line's fallback re-measures.
    let out = Buffer.allocUnsafe(end + (end >> 1) + 16);
    let o = 0;
    let lineIn = 0;
    let lineOut = 0;
    let i = 0;
    while (i < end) {
      const b = src[i]!;
      if (b < 0x80) {
        out[o++] = b;
        i++;
        if (b === LF) { lineIn = i; lineOut = o; }
        continue;
      }
      const v = i + 1 < end ? table[(b << 8) | src[i + 1]!]! : 0;
      if (v !== 0) {
        const len = v >>> 24;
        if (len === 3) { out[o] = (v >>> 16) & 0xff; out[o + 1] = (v >>> 8) & 0xff; out[o + 2] = v & 0xff; }
        else { out[o] = (v >>> 8) & 0xff; out[o + 1] = v & 0xff; }
        o += len;
        i += 2;
        continue;
      }
      // Not a plain pair: the whole line through the decoder.
      const lineEnd = src.indexOf(LF, i) + 1;
      const text = Buffer.from(this.lineDecoder.decode(src.subarray(lineIn, lineEnd)), 'utf8');
      const rest = end - lineEnd;
      if (lineOut + text.length + rest + (rest >> 1) + 16 > out.length) {
        const grown = Buffer.allocUnsafe(lineOut + text.length + rest + (rest >> 1) + 16);
        out.copy(grown, 0, 0, lineOut);
        out = grown;
      }
      o = lineOut + text.copy(out, lineOut);
      i = lineIn = lineEnd;
      lineOut = o;
    }
    return out.subarray(0, o);
  }
}
