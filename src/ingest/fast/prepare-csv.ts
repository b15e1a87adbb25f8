/**
 * Gets a CSV ready for DuckDB's read_csv: a UTF-8 copy in a temporary folder whose every data
 * record begins with its row index (`rn`, 0 = the row after the header), written as one scan
 * (scan-csv.ts) checks the file is regular and counts its records. GBK/GB18030 is transcoded on
 * the way (read/gbk-utf8.ts; DuckDB decodes GBK only through an extension that has to be
 * downloaded).
 *
 * Why the row index is written into the file: read_csv reads a file on every thread, and what
 * a parallel statement writes is in file order only when DuckDB can keep it so; a cleaning
 * statement it cannot (a join in the plan) put a 1 M-row file's rows out of order in blocks of
 * ~33 k, so row numbers taken from rowid were wrong. Written in the file, the index is right
 * whatever order DuckDB works in, and the cleaning runs unordered on every thread.
 *
 * A big file is copied as two parts at once, one process each (copy-part.ts): the scan and the
 * transcoding are the only work of this step, and a second core would otherwise wait. The
 * second part begins at the first line break past the middle, numbers its rows from 0, and the
 * read adds the first part's row count (CsvRead.shift).
 *
 * SHOPLENS_INGEST_PIECE_ROWS cuts the copy into pieces of that many data rows, each a small
 * CSV with the file's header (the tests use it to run the piece logic on small files). By
 * default the whole file is one piece: staging runs outside the run's transaction, where
 * DuckDB spills what does not fit in memory_limit, so a piece needs no bound of its own.
 */
import { open, rm, stat } from 'node:fs/promises';
import { hasNativeGb18030, type TextEncoding } from '../read/encoding.js';
import { copyPart, PartProcess, type PartResult, type PartTask } from './copy-part.js';
import { scratchDir } from './scratch-dir.js';
import type { CsvScan } from './scan-csv.js';

/** Files from this size are copied as two parts at once (starting a process costs ~60 ms): SHOPLENS_INGEST_SPLIT_BYTES for the tests. */
function splitBytes(): number {
  const n = Number(process.env.SHOPLENS_INGEST_SPLIT_BYTES);
  return Number.isSafeInteger(n) && n > 0 ? n : 16 << 20;
}

/** data rows per piece: SHOPLENS_INGEST_PIECE_ROWS, else the whole file */
function pieceRows(): number {
  const n = Number(process.env.SHOPLENS_INGEST_PIECE_ROWS);
  return Number.isSafeInteger(n) && n > 0 ? n : Infinity;
}

/**
 * What one read_csv statement reads: numbered files whose rows, `shift` added to the index each
 * begins with, are the data rows offset … offset + rows − 1.
 */
export interface CsvRead {
  files: { path: string; shift: number }[];
  offset: number;
  rows: number;
}

export interface PreparedCsv {
  /** in file order */
  reads: CsvRead[];
  scan: CsvScan;
  /** removes the copy */
  cleanup(): Promise<void>;
}

export interface PrepareOptions {
  /** cells of the header (the sniffed one): the second part's scan counts short rows against it */
  width: number;
  /** records scanned so far, the header included, and how much of the text that is (0–1) */
  onRecords?: (n: number, read: number) => void;
  /** the tests: where the second part begins, and whether both parts run in this process */
  split?: { at: number; inProcess?: boolean };
}

/** undefined: an encoding the fast path does not take (UTF-16, GB18030 on a Node without ICU). */
export async function prepareCsv(path: string, encoding: TextEncoding, skip: number, o: PrepareOptions): Promise<PreparedCsv | undefined> {
  if (encoding !== 'utf-8' && encoding !== 'utf-8-bom' && encoding !== 'gb18030') return undefined;
  // GbkToUtf8 builds on Node's GB18030 decoder; without it the JS way reads the file (iconv-lite).
  if (encoding === 'gb18030' && !hasNativeGb18030()) return undefined;
  const dir = await scratchDir();
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const rows = pieceRows();
    const task = { path, encoding: encoding === 'gb18030' ? 'gb18030' : 'utf-8', dir, rows } as const;
    const size = (await stat(path)).size;
    const text = Math.max(1, size - skip);
    const at = o.split?.at ?? (rows === Infinity && size - skip >= splitBytes() ? await lineAfter(path, skip + Math.floor((size - skip) / 2)) : undefined);
    const prepared = at !== undefined && at > skip && at < size
      ? await inTwo({ ...task, start: skip, until: at, name: 'part1' }, text, o)
      : fromParts(await copyPart({ ...task, start: skip, until: Infinity, name: 'part1' }, (n, bytes) => o.onRecords?.(n, bytes / text)));
    return { ...prepared, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/** The offset just past the first LF at or after `from` (GBK never has 0x0a inside a character); undefined: none. */
async function lineAfter(path: string, from: number): Promise<number | undefined> {
  const f = await open(path);
  try {
    const buf = Buffer.alloc(64 << 10);
    for (let pos = from; ; pos += buf.length) {
      const { bytesRead } = await f.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) return undefined;
      const i = buf.subarray(0, bytesRead).indexOf(0x0a);
      if (i >= 0) return pos + i + 1;
    }
  } finally {
    await f.close();
  }
}

/**
 * The file as two parts, each in a process: the first from the text's start to `first.until`,
 * the second from there to the end. Each part numbers its rows from 0; the second's are
 * shifted by the first's count when read (CsvRead.shift).
 */
async function inTwo(first: PartTask, text: number, o: PrepareOptions): Promise<Omit<PreparedCsv, 'cleanup'>> {
  const records = [0, 0];
  const bytes = [0, 0];
  const report = () => o.onRecords?.(records[0]! + Math.max(0, records[1]! - 1), (bytes[0]! + bytes[1]!) / text);
  const second: PartTask = { ...first, start: first.until, until: Infinity, afterHeader: o.width, name: 'part2' };
  if (o.split?.inProcess) {
    const [a, b] = await Promise.all([copyPart(first), copyPart(second)]);
    return a.end === first.until && !a.scan.irregular ? fromParts(a, b) : fromParts(a);
  }
  const two = new PartProcess(second, (n, b) => ((records[1] = n), (bytes[1] = b), report()));
  const one = new PartProcess(first, (n, b) => ((records[0] = n), (bytes[0] = b), report()), (between) => {
    // the second part began inside a record: its work is wasted, the first goes on alone
    if (between) return;
    records[1] = 0;
    bytes[1] = 0;
    void two.stop();
  });
  try {
    const a = await one.result;
    if (a.end !== first.until || a.scan.irregular) return fromParts(a);
    return fromParts(a, await two.result);
  } finally {
    await Promise.all([one.stop(), two.stop()]);
  }
}

function fromParts(a: PartResult, b?: PartResult): Omit<PreparedCsv, 'cleanup'> {
  const files = (r: PartResult, shift: number) => r.pieces.map((p) => ({ files: [{ path: p.path, shift }], offset: p.offset + shift, rows: p.rows }));
  if (!b) return { reads: files(a, 0), scan: a.scan };
  const n = a.scan.records - 1;
  const parts = [...files(a, 0), ...files(b, n)];
  // one statement reads both parts (the split is not a piece: pieces come only from SHOPLENS_INGEST_PIECE_ROWS)
  const reads = parts.length === 0 ? [] : [{ files: parts.flatMap((p) => p.files), offset: 0, rows: parts.reduce((t, p) => t + p.rows, 0) }];
  return { reads, scan: joinScans(a, b) };
}

/** The scan of the whole file from those of its parts; the second's record numbers follow the first's. */
function joinScans(a: PartResult, b: PartResult): CsvScan {
  const n = a.scan.records - 1;
  const more = b.scan.records - 1;
  const short = new Map(a.scan.short);
  for (const [record, cells] of b.scan.short) short.set(record + n, cells);
  const irregular = a.scan.irregular ?? (a.endsBlank && more > 0 ? 'a blank line between data rows' : null) ?? b.scan.irregular;
  return { irregular, records: a.scan.records + more, headerCells: a.scan.headerCells, short, guarded: new Set([...a.scan.guarded, ...b.scan.guarded]) };
}
