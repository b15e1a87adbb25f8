/**
 * One byte-level pass over a UTF-8 CSV that tells whether DuckDB's read_csv will see exactly
 * the records our own parser (read/csv-parser.ts) sees, and where the row numbers stand.
 *
 * Both parsers agree on RFC 4180 files; they part ways on quirks (text after a closing quote,
 * a quote after leading spaces, a lone CR, blank lines between data rows — DuckDB drops
 * those, we count them). A file with any such quirk is "irregular" and goes the JS way, so the
 * fast path never changes a result. The pass is a plain loop over bytes: `"`, `,`, CR and LF
 * are ASCII and never occur inside a multi-byte UTF-8 character.
 */

import { isUtf8 } from 'node:buffer';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
/** A cell's first byte that is an Excel guard or a space (`=`, `'`, space, tab), and a last byte that is a space or control character. */
const GUARD_FIRST = new Uint8Array(256);
for (const b of [0x3d, 0x27, 0x20, 0x09]) GUARD_FIRST[b] = 1;
const PADDED_LAST = new Uint8Array(256).fill(1, 0x01, 0x21);
/** What a byte is to the scan: most bytes are PLAIN. */
const [PLAIN, DELIM, QUOTE_KIND, BREAK, BLANK] = [0, 1, 2, 3, 4];
/** Short rows are kept by record number for the quarantine; past this many the file goes the JS way. */
const MAX_SHORT = 100_000;
/** read_csv refuses lines past its max_line_size (2 MB): longer records go the JS way. */
const MAX_RECORD_BYTES = 1 << 20;

export interface CsvScan {
  /** null: the file is regular; else why it is not (for the log and the tests) */
  irregular: string | null;
  /** records, the header included; trailing empty lines are not records */
  records: number;
  /** cells of the header record */
  headerCells: number;
  /** record number → cell count, for records with fewer cells than the header */
  short: Map<number, number>;
  /**
   * Columns (0-based) where some data cell, as read_csv gives it, starts with an Excel guard
   * or a space (`=`, `'`, space, tab) or ends with a space or control character: only their
   * cells need the full cell-text rules (clean-sql.ts `cellTextSql`), the others are as written.
   */
  guarded: Set<number>;
}

export class CsvScanner {
  private inQuotes = false;
  /** a quote just closed a quoted cell; the next byte must be a quote, delimiter or line end */
  private quoteClosed = false;
  private pendingCR = false;
  /** bytes in the current cell so far (0: at the start of a cell) */
  private cellLen = 0;
  /** the current cell so far is only spaces or tabs */
  private blankCell = true;
  private cells = 0;
  /** the current record has a non-empty cell */
  private filled = false;
  /** the current record has begun (any byte since the last line end) */
  private begun = false;
  /** an empty line was seen after the header; any later record makes the file irregular */
  private blankSeen = false;
  /** offset of buf[0] in the file */
  private base = 0;
  /** the bytes of a UTF-8 character cut by the chunk end */
  private carry: Uint8Array = new Uint8Array(0);
  readonly scan: CsvScan = { irregular: null, records: 0, headerCells: 0, short: new Map(), guarded: new Set() };
  /** a record (or a blank line) just ended: the next byte begins the next one */
  private startPending = true;
  /** file offset of the current record's first byte */
  private start = 0;
  /** first bytes of data records ended since the last `takeStarts` */
  private starts: number[] = [];

  /** first and last byte of the current cell's text (-1: none yet) */
  private cellFirst = -1;
  private cellLast = -1;
  /** byte → PLAIN, DELIM, … */
  private readonly kinds = new Uint8Array(256);

  /**
   * `checkUtf8`: the bytes must be valid UTF-8 (read_csv fails on invalid bytes, our decoder
   * replaces them). `afterHeader`: the text begins after a header of that many cells (the
   * second part of a file scanned in two, prepare-csv.ts): every record is a data record.
   */
  constructor(private readonly checkUtf8: boolean, delimiter = ',', afterHeader?: number) {
    if (afterHeader !== undefined) {
      this.scan.records = 1;
      this.scan.headerCells = afterHeader;
    }
    this.kinds[QUOTE] = QUOTE_KIND;
    this.kinds[CR] = BREAK;
    this.kinds[LF] = BREAK;
    this.kinds[0x20] = BLANK;
    this.kinds[0x09] = BLANK;
    this.kinds[delimiter.charCodeAt(0)] = DELIM;
  }

  private validUtf8(buf: Uint8Array): boolean {
    const all = this.carry.length ? Buffer.concat([this.carry, buf]) : buf;
    // Back off over a character the chunk end cut in half; it is checked with the next chunk.
    let end = all.length;
    for (let k = 1; k <= 3 && end - k >= 0; k++) {
      const b = all[end - k]!;
      if ((b & 0xc0) === 0x80) continue;
      if (b >= 0xc0 && k < (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2)) end -= k;
      break;
    }
    this.carry = all.slice(end);
    return isUtf8(all.subarray(0, end));
  }

  private mark(why: string): void {
    this.scan.irregular ??= why;
  }

  push(buf: Uint8Array): void {
    if (this.scan.irregular) return;
    if (this.checkUtf8 && !this.validUtf8(buf)) return this.mark('bytes that are not UTF-8');
    // The state lives in locals while the loop runs (several times faster than fields per
    // byte; no closure may capture them, or they live on the heap again). `save` writes them
    // back before anything that reads the fields (endRecord) and at the end.
    let { inQuotes, quoteClosed, pendingCR, cellLen, blankCell, cells, filled, begun, cellFirst, cellLast } = this;
    const kinds = this.kinds;
    const n = buf.length;
    let i = 0;
    while (i < n) {
      if (inQuotes) {
        // Inside quotes only a quote matters (quoted cells are short: a loop beats indexOf's call).
        let j = i;
        while (j < n && buf[j] !== QUOTE) j++;
        if (j > i) {
          filled = true;
          if (cellFirst < 0) cellFirst = buf[i]!;
          cellLast = buf[j - 1]!;
        }
        if (j === n) break;
        inQuotes = false;
        quoteClosed = true;
        i = j + 1;
        continue;
      }
      const c = buf[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (c !== LF) { this.save(inQuotes, quoteClosed, pendingCR, cellLen, blankCell, cells, filled, begun, cellFirst, cellLast); return this.mark('a line ends with a lone CR'); }
        i++;
        continue;
      }
      if (this.startPending) {
        this.startPending = false;
        this.start = this.base + i;
      }
      if (quoteClosed) {
        quoteClosed = false;
        if (c === QUOTE) { // "" inside quotes: the text has a quote
          inQuotes = true;
          filled = true;
          if (cellFirst < 0) cellFirst = QUOTE;
          cellLast = QUOTE;
          i++;
          continue;
        }
        if (kinds[c] !== DELIM && c !== CR && c !== LF) { this.save(inQuotes, quoteClosed, pendingCR, cellLen, blankCell, cells, filled, begun, cellFirst, cellLast); return this.mark('text after a closing quote'); }
      }
      const k = kinds[c]!;
      if (k === PLAIN) {
        // The usual byte: skip the run of them at once.
        begun = true;
        blankCell = false;
        filled = true;
        cellLen++;
        if (cellFirst < 0) cellFirst = c;
        i++;
        while (i < n && kinds[buf[i]!] === PLAIN) i++;
        cellLast = buf[i - 1]!;
        continue;
      }
      if (k === BREAK) {
        if (cellFirst >= 0 && (GUARD_FIRST[cellFirst]! | PADDED_LAST[cellLast]!) !== 0) this.guard(cells);
        cellFirst = cellLast = -1;
        this.save(inQuotes, quoteClosed, pendingCR, cellLen, blankCell, cells, filled, begun, cellFirst, cellLast);
        this.endRecord(this.base + i);
        if (this.scan.irregular) return;
        ({ cellLen, blankCell, cells, filled, begun } = this);
        if (c === CR) pendingCR = true;
        i++;
        continue;
      }
      begun = true;
      i++;
      if (k === DELIM) {
        if (cellFirst >= 0 && (GUARD_FIRST[cellFirst]! | PADDED_LAST[cellLast]!) !== 0) this.guard(cells);
        cellFirst = cellLast = -1;
        cells++;
        cellLen = 0;
        blankCell = true;
        continue;
      }
      if (k === QUOTE_KIND) {
        // Inside a cell a quote is a plain character to both parsers (`="123"` unquoted, as
        // Taobao writes it); after leading spaces DuckDB opens a quoted cell and we do not.
        if (cellLen === 0) { inQuotes = true; cellLen = 1; continue; }
        if (blankCell) { this.save(inQuotes, quoteClosed, pendingCR, cellLen, blankCell, cells, filled, begun, cellFirst, cellLast); return this.mark('a quote after spaces at the start of a cell'); }
        cellLast = QUOTE;
      }
      // a space or a tab
      else {
        if (cellFirst < 0) cellFirst = c;
        cellLast = c;
      }
      cellLen++;
      filled = true;
    }
    this.save(inQuotes, quoteClosed, pendingCR, cellLen, blankCell, cells, filled, begun, cellFirst, cellLast);
    this.base += n;
  }

  private save(
    inQuotes: boolean, quoteClosed: boolean, pendingCR: boolean, cellLen: number, blankCell: boolean, cells: number, filled: boolean, begun: boolean,
    cellFirst: number, cellLast: number,
  ): void {
    this.cellFirst = cellFirst;
    this.cellLast = cellLast;
    this.inQuotes = inQuotes;
    this.quoteClosed = quoteClosed;
    this.pendingCR = pendingCR;
    this.cellLen = cellLen;
    this.blankCell = blankCell;
    this.cells = cells;
    this.filled = filled;
    this.begun = begun;
  }

  /** A data cell of this column is guarded or padded (the header does not count). */
  private guard(column: number): void {
    if (this.scan.records > 0) this.scan.guarded.add(column);
  }

  /** `end`: offset of the line break (or the end of the file) */
  private endRecord(end: number): void {
    const cells = this.cells + 1;
    const s = this.scan;
    if (end - this.start > MAX_RECORD_BYTES) return this.mark('a row longer than 1 MiB');
    this.startPending = true;
    if (!this.begun && s.records > 0) {
      // An empty line: DuckDB skips it, we count it. Harmless only at the very end.
      this.blankSeen = true;
      this.reset();
      return;
    }
    if (this.blankSeen) return this.mark('a blank line between data rows');
    s.records++;
    if (s.records === 1) {
      if (!this.filled) return this.mark('the first line is not the header');
      s.headerCells = cells;
    } else if (!this.filled) {
      // a row of empty cells (",,,"): we skip it, DuckDB reads it
      return this.mark('a row of empty cells');
    } else if (cells < s.headerCells) {
      if (s.short.size >= MAX_SHORT) return this.mark('too many short rows');
      s.short.set(s.records, cells);
    }
    if (s.records > 1) this.starts.push(this.start);
    this.reset();
  }

  /** File offsets of the first bytes of the data records ended since the last call, in order. */
  takeStarts(): number[] {
    const starts = this.starts;
    this.starts = [];
    return starts;
  }

  /** Nothing is under way: the last byte pushed ended a record or a blank line (outside quotes). */
  get betweenRecords(): boolean {
    return this.startPending && !this.inQuotes && !this.quoteClosed && !this.pendingCR && this.carry.length === 0;
  }

  /** A blank line followed the header and no record has come since (harmless only at the end of the file). */
  get endsBlank(): boolean {
    return this.blankSeen;
  }

  /** Where the record under way began (it may yet turn out a blank line); Infinity between records. */
  get openFrom(): number {
    return this.startPending ? Infinity : this.start;
  }

  private reset(): void {
    this.cellFirst = this.cellLast = -1;
    this.blankCell = true;
    this.cells = 0;
    this.cellLen = 0;
    this.filled = false;
    this.begun = false;
  }

  /** End of input: the last record (no final line break) and an unclosed quote (a truncated file). */
  end(): CsvScan {
    if (this.scan.irregular) return this.scan;
    if (this.carry.length) this.mark('bytes that are not UTF-8');
    else if (this.inQuotes) this.mark('a quoted cell is never closed');
    else if (this.begun || this.quoteClosed) {
      if (this.cellFirst >= 0 && (GUARD_FIRST[this.cellFirst]! | PADDED_LAST[this.cellLast]!) !== 0) this.guard(this.cells);
      this.quoteClosed = false;
      this.endRecord(this.base);
    }
    return this.scan;
  }
}
