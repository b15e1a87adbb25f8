/**
 * One worksheet row read from its UTF-8 bytes, when it has the usual shape: no namespace
 * prefix, a row number, cells `<c r="B2" s="1" t="s"><v>7</v></c>` or `<c …/>`. Nothing is
 * decoded but a value that is text, and a shared string comes as its index, read in place:
 * ~4× less per cell than reading the decoded text (xlsx-sheet.ts), which takes every other row
 * (inline strings, formulas, entities, CDATA, a row without its number, spaces between cells).
 */
import type { CellOf } from './xlsx-sheet.js';

export const ROW_OPEN = Buffer.from('<row');
export const ROW_CLOSE = Buffer.from('</row>');
const ROW_END = Buffer.from('row>');
const R_ATTR = Buffer.from(' r="');
/** the types a cell read from the bytes may have, by their first letter (`str`: s, t) */
const BYTE_TYPES: Record<number, string> = { 115: 's', 110: 'n', 98: 'b', 101: 'e', 100: 'd' };

/** The byte just past the last `</row>` (or `</x:row>`) in `buf`, or 0. */
export function lastRowEnd(buf: Buffer): number {
  for (let at = buf.lastIndexOf(ROW_END); at > 0; at = buf.lastIndexOf(ROW_END, at - 1)) {
    const before = buf[at - 1];
    if (before === 0x2f /* / */ || before === 0x3a /* : */) return at + ROW_END.length;
  }
  return 0;
}

/** Index of `needle` in `b` from `from`, starting before `to`; -1 if none (a row's own tag only: a row without it must not search on). */
function indexBetween(b: Buffer, needle: Buffer, from: number, to: number): number {
  const first = needle[0]!;
  outer: for (let i = from; i < to; i++) {
    if (b[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** A row read from the bytes: its number, its cells, and the index just after it. */
export interface BytesRow<T> {
  n: number;
  cells: T[];
  next: number;
}

/** The row at `k` (its `<row`), or undefined when it is not of the usual shape. */
export function rowFromBytes<T>(b: Buffer, k: number, cell: CellOf<T>, utf8: { decode(b: Uint8Array): string }): BytesRow<T> | undefined {
  const gt = b.indexOf(62, k);
  const r = gt < 0 ? -1 : indexBetween(b, R_ATTR, k, gt);
  if (r < 0) return undefined;
  let n = 0;
  let z = r + R_ATTR.length;
  for (let c = b[z]!; c >= 48 && c <= 57; c = b[++z]!) n = n * 10 + (c - 48);
  if (b[z] !== 34 || z === r + R_ATTR.length) return undefined;
  const cells: T[] = [];
  if (b[gt - 1] === 47) return { n, cells, next: gt + 1 };
  let col = 0;
  for (let p = gt + 1; ;) {
    if (b[p] !== 60) return undefined;
    if (b[p + 1] === 47) {
      return b[p + 2] === 114 && b[p + 3] === 111 && b[p + 4] === 119 && b[p + 5] === 62 ? { n, cells, next: p + 6 } : undefined;
    }
    let q = p + 2;
    let c = b[q]!;
    if (b[p + 1] !== 99 || (c !== 32 && c !== 62 && c !== 47)) return undefined;
    let type = 'n';
    let style = 0;
    for (;;) {
      while (c === 32) c = b[++q]!;
      if (c === 62 || c === 47) break;
      // name="value", no spaces around '=', double quotes
      const name = c;
      const eq = b.indexOf(61, q);
      if (eq < 0 || b[eq + 1] !== 34) return undefined;
      let v = eq + 2;
      if (eq === q + 1 && name === 114 /* r */) {
        col = 0;
        for (c = b[v]!; c >= 65 && c <= 90; c = b[++v]!) col = col * 26 + (c - 64);
        if (col-- === 0) return undefined;
        while (b[v]! >= 48 && b[v]! <= 57) v++;
      } else if (eq === q + 1 && name === 115 /* s */) {
        for (c = b[v]!; c >= 48 && c <= 57; c = b[++v]!) style = style * 10 + (c - 48);
      } else if (eq === q + 1 && name === 116 /* t */) {
        const t = b[v]!;
        if (b[v + 1] === 34) type = BYTE_TYPES[t] ?? '';
        else if (t === 115 && b[v + 1] === 116 && b[v + 2] === 114 && b[v + 3] === 34) type = 'str';
        else return undefined;
        if (!type) return undefined;
        while (b[v] !== 34) v++;
      } else {
        v = b.indexOf(34, v);
        if (v < 0) return undefined;
      }
      if (b[v] !== 34) return undefined;
      q = v + 1;
      c = b[q]!;
    }
    let text: string | undefined;
    let index = -1;
    if (c === 47) {
      if (b[q + 1] !== 62) return undefined;
      p = q + 2;
    } else {
      // <v>…</v></c>, nothing else: formulas, inline strings, entities and CDATA are read as text
      if (b[q + 1] !== 60 || b[q + 2] !== 118 || b[q + 3] !== 62) return undefined;
      const from = q + 4;
      let end = from;
      let ascii = true;
      for (let x = b[end]!; x !== 60; x = b[++end]!) {
        if (x === 38 || end >= b.length) return undefined;
        if (x > 127) ascii = false;
      }
      if (b[end + 1] !== 47 || b[end + 2] !== 118 || b[end + 3] !== 62 || b[end + 4] !== 60 || b[end + 5] !== 47 || b[end + 6] !== 99 || b[end + 7] !== 62) return undefined;
      if (type === 's') {
        index = 0;
        for (let x = from; x < end; x++) {
          const d = b[x]!;
          if (d < 48 || d > 57) return undefined;
          index = index * 10 + (d - 48);
        }
        if (end === from || end - from > 15) return undefined;
      } else text = ascii ? b.toString('latin1', from, end) : utf8.decode(b.subarray(from, end));
      p = end + 8;
    }
    while (cells.length < col) cells.push(cell('n', 0, undefined, -1));
    cells[col++] = cell(type, style, text, index);
  }
}
