/**
 * Writes a CSV's UTF-8 text, as a scanner (scan-csv.ts) reads it, to pieces in which every
 * data record begins with its row index: `rn,` (0 = the row after the header). A record's
 * bytes wait until the scanner has seen it end as a data record (not a blank line), so the
 * index goes exactly where the record begins, whatever the chunk boundaries.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { CsvScan, CsvScanner } from './scan-csv.js';

/** bytes the copy may have in flight to the disk before it waits (8 chunks of copy-part.ts) */
const WRITE_BUFFER = 8 << 20;

/** A piece on disk: its path, the index of its first data row, and how many rows it holds. */
export interface CsvPiece {
  path: string;
  offset: number;
  rows: number;
}

export class NumberedCopy {
  /** the pieces written, in file order; piece k holds data rows k·rows … */
  readonly pieces: CsvPiece[] = [];
  /** text not written yet, and its file offset */
  private held: Buffer = Buffer.alloc(0);
  private heldAt = 0;
  /** the bytes before the first data record; every piece begins with them */
  private header: Buffer | undefined;
  private rn = 0;
  private out: WriteStream | undefined;
  private readonly name: string;

  /**
   * Pieces go to `dir` as `<name>-<k>.csv`. `header`: the text has none (the second part of a
   * file, prepare-csv.ts); each piece begins with this line instead, which read_csv skips.
   */
  constructor(private readonly dir: string, private readonly rows: number, readonly scanner: CsvScanner, opts: { name?: string; header?: Buffer } = {}) {
    this.name = opts.name ?? 'piece';
    this.header = opts.header;
  }

  async push(chunk: Buffer): Promise<void> {
    this.scanner.push(chunk);
    const text = this.held.length ? Buffer.concat([this.held, chunk]) : chunk;
    await this.emit(text, this.scanner.takeStarts(), this.scanner.openFrom);
  }

  /** The end of the text: the scan's answer, once every piece is on disk. */
  async end(): Promise<CsvScan> {
    const scan = this.scanner.end();
    await this.emit(this.held, this.scanner.takeStarts(), Infinity);
    await this.closePiece();
    return scan;
  }

  /** Writes `text` up to the record under way, an index before each data record's start. */
  private async emit(text: Buffer, starts: readonly number[], openFrom: number): Promise<void> {
    const at = (offset: number) => offset - this.heldAt;
    let pos = 0;
    let k = 0;
    if (this.header === undefined) {
      // Nothing is written before the first data record begins: until then it is all header.
      if (starts.length === 0) return this.hold(text, 0);
      this.header = Buffer.from(text.subarray(0, at(starts[0]!)));
      pos = at(starts[0]!);
    }
    const until = Math.min(text.length, at(openFrom));
    while (k < starts.length) {
      if (this.rn % this.rows === 0) {
        // what is left of the previous record (its line break) stays in the previous piece
        if (this.out) await this.write(text.subarray(pos, at(starts[k]!)));
        pos = at(starts[k]!);
        await this.nextPiece();
      }
      // the records that go to this piece
      const last = Math.min(starts.length, k + (this.rows - (this.rn % this.rows)));
      const end = last < starts.length ? at(starts[last]!) : until;
      await this.write(numbered(text, pos, end, starts.slice(k, last).map(at), this.rn));
      this.rn += last - k;
      k = last;
      pos = end;
    }
    // Bytes after the last data record that are not a record under way (a final line break, blank lines).
    if (until > pos && this.out) {
      await this.write(text.subarray(pos, until));
      pos = until;
    }
    this.hold(text, pos);
  }

  private hold(text: Buffer, from: number): void {
    this.held = Buffer.from(text.subarray(from));
    this.heldAt += from;
  }

  private async closePiece(): Promise<void> {
    if (!this.out) return;
    this.out.end();
    await once(this.out, 'finish');
    this.out = undefined;
    const piece = this.pieces[this.pieces.length - 1]!;
    piece.rows = this.rn - piece.offset;
  }

  private async nextPiece(): Promise<void> {
    await this.closePiece();
    const p = join(this.dir, `${this.name}-${this.pieces.length}.csv`);
    this.pieces.push({ path: p, offset: this.rn, rows: 0 });
    // a deep write buffer: waiting for each chunk to reach the disk would idle the scan
    this.out = createWriteStream(p, { highWaterMark: WRITE_BUFFER });
    await this.write(this.header!);
  }

  private async write(b: Buffer): Promise<void> {
    if (b.length > 0 && !this.out!.write(b)) await once(this.out!, 'drain');
  }
}

/** text[from, to) with `rn,` inserted at each start (ascending, from ≤ start < to), rn counting up from `first`. */
function numbered(text: Buffer, from: number, to: number, starts: readonly number[], first: number): Buffer {
  let size = to - from;
  for (let k = 0; k < starts.length; k++) size += digits(first + k) + 1;
  const out = Buffer.allocUnsafe(size);
  let w = 0;
  let r = from;
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k]!;
    w += text.copy(out, w, r, s);
    // the index in ASCII digits, written by hand (a string per row costs more than the copy)
    let n = first + k;
    const len = digits(n);
    for (let d = w + len - 1; d >= w; d--, n = Math.floor(n / 10)) out[d] = 0x30 + (n % 10);
    out[w + len] = 0x2c;
    w += len + 1;
    r = s;
  }
  text.copy(out, w, r, to);
  return out;
}

function digits(n: number): number {
  let len = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    len++;
  }
  return len;
}
