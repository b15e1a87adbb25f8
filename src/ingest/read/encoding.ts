/**
 * What a file is, from its first bytes: an xlsx workbook (a zip), an old .xls workbook (OLE2), a
 * text table in UTF-8 (with or without BOM) or GBK/GB18030, or something else (binary). Chinese back offices export
 * GBK; newer ones UTF-8 with a BOM so Excel opens them; we never trust the file name.
 */
import iconv from 'iconv-lite';

export type FileKind = 'csv' | 'xlsx' | 'xls' | 'binary';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le';

export interface Sniffed {
  kind: FileKind;
  encoding?: TextEncoding;
  /** bytes to skip before decoding (the BOM) */
  skip: number;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** an OLE2 compound file: Excel 97-2003 .xls (some back offices still export it), or an xlsx with a password (encrypted inside one) */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniff(head: Buffer): Sniffed {
  if (ZIP.every((b, i) => head[i] === b)) return { kind: 'xlsx', skip: 0 };
  if (OLE.every((b, i) => head[i] === b)) return { kind: 'xls', skip: 0 };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { kind: 'csv', encoding: 'utf-8-bom', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { kind: 'csv', encoding: 'utf-16le', skip: 2 };
  if (looksBinary(head)) return { kind: 'binary', skip: 0 };
  return { kind: 'csv', encoding: isUtf8(head) ? 'utf-8' : 'gb18030', skip: 0 };
}

/** NUL bytes or many control characters never occur in a text export. */
function looksBinary(head: Buffer): boolean {
  let control = 0;
  const n = Math.min(head.length, 8192);
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** Valid UTF-8 up to the last complete character (the sample may cut one in half). */
export function isUtf8(buf: Buffer): boolean {
  let end = buf.length;
  // Back off over a trailing partial multi-byte sequence.
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = buf[end - k]!;
    if ((b & 0xc0) === 0xc0) { end -= k; break; }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** A streaming decoder: bytes in, text out; multi-byte characters split across chunks are kept whole. */
export function textDecoder(encoding: TextEncoding): { write(b: Buffer): string; end(): string } {
  if (encoding === 'gb18030') {
    // Node's ICU decoder is several times faster than iconv-lite (measured on a 26 MiB export);
    // iconv-lite stays the fallback for a Node built without full ICU.
    if (hasNativeGb18030()) {
      const td = new TextDecoder('gb18030');
      return { write: (b) => td.decode(b, { stream: true }), end: () => td.decode() };
    }
    const d = iconv.getDecoder('gb18030');
    return { write: (b) => d.write(b), end: () => d.end() ?? '' };
  }
  const d = new TextDecoder(encoding === 'utf-16le' ? 'utf-16le' : 'utf-8');
  return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
}

/** Node's TextDecoder knows GB18030 (a Node built with full ICU, the default). */
export function hasNativeGb18030(): boolean {
  try {
    return new TextDecoder('gb18030').decode(Buffer.from([0xd6, 0xd0])) === '中';
  } catch {
    return false;
  }
}
