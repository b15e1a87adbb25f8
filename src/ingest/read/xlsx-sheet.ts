/**
 * A worksheet part's `sheetData`, row by row, as the cells' text: fed the part's text chunk by
 * chunk, it takes every complete `<row>…</row>` (a row cut by a chunk's end waits for the next
 * chunk) and reads its cells in place. A tag tokenizer took 10.5 s for the 5 M cells of a 200 k-row
 * 抖店 sheet; this, about 3 s. Fed the part's bytes instead (`writeBytes`, what readXlsx does),
 * rows of the usual shape are read from the bytes without decoding them (xlsx-row-bytes.ts).
 *
 *   <row r="2"><c r="A2" s="1" t="s"><v>7</v></c><c r="B2" t="inlineStr"><is><t>文本</t></is></c>…</row>
 *
 * Elements may carry a namespace prefix (`<x:row>`): it is read from the root element.
 */
import type { RawRow } from './types.js';
import { lastRowEnd, ROW_CLOSE, ROW_OPEN, rowFromBytes } from './xlsx-row-bytes.js';
import { attr, decodeEntities, XmlScanner } from './xml-scan.js';

/**
 * A cell as written: its type (`t`), style (`s`) and text (`<v>`, or the inline string's runs).
 * A shared string read from the bytes comes as its `index` (text undefined); else `index` is -1.
 */
export type CellOf<T> = (type: string, style: number, text: string | undefined, index: number) => T;

/**
 * Index of the character `code` from `from`, before `to`; -1 if none. A loop: the distances in a
 * row are a few characters, where each indexOf call costs ~100 ns on a two-byte string.
 */
function find(s: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === code) return i;
  return -1;
}

/** Column index (0-based) of the cell reference starting at `at`: `C5` → 2, `AA1` → 26. */
function columnAt(s: string, at: number): number {
  let col = 0;
  for (let c = s.charCodeAt(at); c >= 65 && c <= 90; c = s.charCodeAt(++at)) col = col * 26 + (c - 64);
  return col - 1;
}

export const columnOf = (ref: string): number => columnAt(ref, 0);

const TYPES = ['s', 'str', 'n', 'b', 'e', 'd', 'inlineStr'];

/** A cell's type attribute: one of the common ones (no new string per cell), else as written. */
function typeAt(s: string, from: number, to: number): string {
  for (const t of TYPES) if (t.length === to - from && s.startsWith(t, from)) return t;
  return s.slice(from, to);
}

/** The whole number written at `at`. */
function intAt(s: string, at: number): number {
  let n = 0;
  for (let c = s.charCodeAt(at); c >= 48 && c <= 57; c = s.charCodeAt(++at)) n = n * 10 + (c - 48);
  return n;
}

/**
 * Index of the '>' ending the tag that starts at `lt`, or -1 if cut. The attributes of the
 * elements read here (row, c, v, t, rPh) are numbers, cell references, names and flags: no
 * value can hold a '>'.
 */
function tagEnd(s: string, lt: number): number {
  return s.indexOf('>', lt);
}

/** Index of the next element `<name` (not `<nameMore`) from `from`, before `to`; -1 if none. */
function element(s: string, open: string, from: number, to: number): number {
  for (let k = s.indexOf(open, from); k >= 0 && k < to; k = s.indexOf(open, k + 1)) {
    const c = s.charCodeAt(k + open.length);
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) return k;
    if (Number.isNaN(c)) return -1;
  }
  return -1;
}

/** Text content as written: entities decoded, CDATA sections as they are. */
function xmlText(raw: string): string {
  if (raw.indexOf('<![CDATA[') < 0) return decodeEntities(raw);
  let out = '';
  const scanner = new XmlScanner({ wantText: true, open() {}, close() {}, text: (t) => { out += t; } });
  scanner.write(raw);
  scanner.end();
  return out;
}

export class SheetParser<T> {
  out: RawRow[] = [];
  private carry = '';
  private pending: Buffer | undefined;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private p: string | undefined;
  private tags!: { row: string; rowEnd: string; cEnd: string; vEnd: string; t: string; tEnd: string; rPh: string; rPhEnd: string };
  private lastRow = 0;

  constructor(private readonly cell: CellOf<T>) {}

  write(chunk: string): void {
    const s = this.carry ? this.carry + chunk : chunk;
    this.carry = '';
    if (this.p === undefined && !this.prefix(s)) { this.carry = s; return; }
    const { row, rowEnd } = this.tags;
    let i = 0;
    for (;;) {
      const start = element(s, row, i, s.length);
      if (start < 0) {
        // keep what may be the start of a row tag cut at the end
        const lt = s.lastIndexOf('<');
        if (lt >= i) this.carry = s.slice(lt);
        return;
      }
      const gt = tagEnd(s, start);
      if (gt < 0) { this.carry = s.slice(start); return; }
      const attrs = s.slice(start + row.length, gt);
      const r = attr(attrs, 'r');
      const n = r ? Number(r) : this.lastRow + 1;
      if (s.charCodeAt(gt - 1) === 47) {
        this.lastRow = n;
        this.out.push({ n, cells: [] });
        i = gt + 1;
        continue;
      }
      const end = s.indexOf(rowEnd, gt);
      if (end < 0) { this.carry = s.slice(start); return; }
      this.lastRow = n;
      this.out.push({ n, cells: this.cells(s, gt + 1, end) as RawRow['cells'] });
      i = end + rowEnd.length;
    }
  }

  end(): void {
    if (this.carry.trim() && element(this.carry, this.tags?.row ?? '<row', 0, this.carry.length) >= 0) {
      throw new Error(`the sheet ends inside a row: ${this.carry.slice(0, 80)}`);
    }
  }

  /**
   * The part's bytes (UTF-8), chunk by chunk. Rows of the usual shape — no prefix, cells
   * `<c r="B2" s="1" t="s"><v>7</v></c>` — are read from the bytes: nothing is decoded, and a
   * shared string's index is read in place (the text way costs ~4× as much per cell, on a
   * string made for it). Any other row, and the text around the rows, is decoded and read by
   * `write`. Bytes after the last row end wait for the next chunk, so no character is cut.
   */
  writeBytes(chunk: Buffer): void {
    const b = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    const cut = lastRowEnd(b);
    this.pending = cut < b.length ? b.subarray(cut) : undefined;
    if (cut === 0) return;
    // The root element gives the prefix (its name is ASCII: latin1 reads it as is).
    if (this.p === undefined) this.prefix(b.toString('latin1', 0, Math.min(b.length, 65_536)));
    if (this.p === '') this.rowsFromBytes(b, cut);
    else this.write(this.utf8.decode(b.subarray(0, cut)));
  }

  /** After the last chunk of bytes. */
  endBytes(): void {
    if (this.pending) this.write(this.utf8.decode(this.pending));
    this.pending = undefined;
    this.end();
  }

  private rowsFromBytes(b: Buffer, to: number): void {
    for (let i = 0; i < to;) {
      const k = b.indexOf(ROW_OPEN, i);
      if (k < 0 || k >= to) return;
      const after = b[k + ROW_OPEN.length];
      if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) { i = k + ROW_OPEN.length; continue; }
      const row = rowFromBytes(b, k, this.cell, this.utf8);
      if (row) {
        this.lastRow = row.n;
        this.out.push({ n: row.n, cells: row.cells as RawRow['cells'] });
        i = row.next;
        continue;
      }
      // not the usual shape: the row as text
      const gt = b.indexOf(62, k);
      const close = gt < 0 ? -1 : b[gt - 1] === 47 ? gt + 1 : b.indexOf(ROW_CLOSE, gt);
      const end = close < 0 ? to : b[gt - 1] === 47 ? close : close + ROW_CLOSE.length;
      this.write(this.utf8.decode(b.subarray(k, end)));
      i = end;
    }
  }

  /** The root element's prefix, once the text holds it; false: not yet. */
  private prefix(s: string): boolean {
    for (let k = s.indexOf('<'); k >= 0; k = s.indexOf('<', k + 1)) {
      const c = s[k + 1];
      if (c === '?' || c === '!') continue;
      const m = /^<([^\s/>]+)[\s/>]/.exec(s.slice(k, k + 200));
      if (!m) return false;
      const colon = m[1]!.indexOf(':');
      const p = (this.p = colon < 0 ? '' : m[1]!.slice(0, colon + 1));
      this.tags = {
        row: `<${p}row`, rowEnd: `</${p}row>`, cEnd: `</${p}c>`, vEnd: `</${p}v>`,
        t: `<${p}t`, tEnd: `</${p}t>`, rPh: `<${p}rPh`, rPhEnd: `</${p}rPh>`,
      };
      return true;
    }
    return false;
  }

  /**
   * The cells of a row, read in place: attributes by character code (no slice but the type), the
   * value as the text up to the next '<'. Twice as fast as searching each tag by name.
   */
  private cells(s: string, from: number, to: number): T[] {
    const { cEnd, vEnd } = this.tags;
    const out: T[] = [];
    let col = 0;
    for (let j = find(s, 60, from, to); j >= 0; j = find(s, 60, j, to)) {
      // an element other than <c> between cells (an extension): passed over
      if (!this.named(s, j + 1, 99 /* c */)) { j = find(s, 62, j, to) + 1; if (j === 0) break; continue; }
      let type = 'n';
      let style = 0;
      let k = j + 2 + this.p!.length;
      // attributes, up to '>' or '/>'
      for (;;) {
        let ch = s.charCodeAt(k);
        while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = s.charCodeAt(++k);
        if (ch === 62 || ch === 47 || k >= to) break;
        const eq = find(s, 61, k, to);
        let v = eq + 1;
        while (s.charCodeAt(v) === 32) v++;
        const close = find(s, s.charCodeAt(v), v + 1, to);
        if (eq < 0 || close < 0) throw new Error(`a cell's attributes are cut: ${s.slice(j, j + 80)}`);
        let nameEnd = eq;
        while (s.charCodeAt(nameEnd - 1) === 32) nameEnd--;
        if (nameEnd - k === 1) {
          const name = s.charCodeAt(k);
          if (name === 114 /* r */) col = columnAt(s, v + 1);
          else if (name === 115 /* s */) style = intAt(s, v + 1);
          else if (name === 116 /* t */) type = typeAt(s, v + 1, close);
        }
        k = close + 1;
      }
      let text: string | undefined;
      if (s.charCodeAt(k) === 47) j = k + 2;
      else if (type === 'inlineStr') {
        const end = s.indexOf(cEnd, k);
        text = this.inline(s, k + 1, end);
        j = end + cEnd.length;
      } else {
        // children up to </c>: <v> holds the value; <f> and the like are passed over (their text holds no '<')
        for (let pos = k + 1; ;) {
          const lt = find(s, 60, pos, to);
          if (lt < 0) throw new Error(`a cell is not closed: ${s.slice(j, j + 80)}`);
          const gt = find(s, 62, lt, to);
          if (s.charCodeAt(lt + 1) === 47) {
            if (this.named(s, lt + 2, 99 /* c */)) { j = gt + 1; break; }
            pos = gt + 1;
          } else if (this.named(s, lt + 1, 118 /* v */)) {
            if (s.charCodeAt(gt - 1) === 47) { text = ''; pos = gt + 1; continue; }
            const end = find(s, 60, gt + 1, to);
            if (s.startsWith('<![CDATA[', end)) {
              const close = s.indexOf(vEnd, gt);
              text = xmlText(s.slice(gt + 1, close));
              pos = close;
            } else {
              // a number or a shared-string index holds no entity
              text = type === 's' || type === 'n' ? s.slice(gt + 1, end) : decodeEntities(s.slice(gt + 1, end));
              pos = end;
            }
          } else pos = gt + 1;
        }
      }
      while (out.length < col) out.push(this.cell('n', 0, undefined, -1));
      out[col++] = this.cell(type, style, text, -1);
    }
    return out;
  }

  /** Whether the element name at `at` (after the prefix) is the one-letter `code`. */
  private named(s: string, at: number, code: number): boolean {
    if (this.p) {
      if (!s.startsWith(this.p, at)) return false;
      at += this.p.length;
    }
    if (s.charCodeAt(at) !== code) return false;
    const d = s.charCodeAt(at + 1);
    return d === 62 || d === 32 || d === 47 || d === 9 || d === 10 || d === 13;
  }

  /** An inline string: its `<t>` runs joined, without those of the phonetic guide (`rPh`). */
  private inline(s: string, from: number, to: number): string {
    const { t, tEnd, rPh, rPhEnd } = this.tags;
    let out = '';
    for (let pos = from; ;) {
      const k = element(s, t, pos, to);
      if (k < 0) return out;
      const ph = element(s, rPh, pos, k);
      if (ph >= 0) {
        const gt = tagEnd(s, ph);
        pos = s.charCodeAt(gt - 1) === 47 ? gt + 1 : s.indexOf(rPhEnd, gt) + rPhEnd.length;
        continue;
      }
      const gt = tagEnd(s, k);
      if (s.charCodeAt(gt - 1) === 47) { pos = gt + 1; continue; }
      const end = s.indexOf(tEnd, gt);
      out += xmlText(s.slice(gt + 1, end));
      pos = end + tEnd.length;
    }
  }
}
