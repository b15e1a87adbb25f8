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
 * SHOPLENS_INGEST_PIECE_ROWS cuts the copy into pieces of that many data rows, each a small
 * CSV with the file's header (the tests use it to run the piece logic on small files). By
 * default the whole file is one piece: staging runs outside the run's transaction, where
 * DuckDB spills what does not fit in memory_limit, so a piece needs no bound of its own.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasNativeGb18030, type TextEncoding } from '../read/encoding.js';
import { GbkThread } from '../read/gbk-thread.js';
import { GbkToUtf8 } from '../read/gbk-utf8.js';
import { NumberedCopy, type CsvPiece } from './numbered-copy.js';
import { CsvScanner, type CsvScan } from './scan-csv.js';

const READ_CHUNK = 4 << 20;
/** GBK files from this size are transcoded on a worker thread (starting one costs ~50 ms) */
const THREAD_BYTES = 16 << 20;
/** data rows per piece: SHOPLENS_INGEST_PIECE_ROWS, else the whole file */
function pieceRows(): number {
  const n = Number(process.env.SHOPLENS_INGEST_PIECE_ROWS);
  return Number.isSafeInteger(n) && n > 0 ? n : Infinity;
}

export interface PreparedCsv {
  /** UTF-8 pieces in file order, each with the header */
  pieces: CsvPiece[];
  scan: CsvScan;
  /** removes the pieces */
  cleanup(): Promise<void>;
}

/**
 * The file's text as UTF-8 chunks. A large GBK file is transcoded on a worker thread one chunk
 * ahead of the caller, who scans and writes the chunk before it meanwhile.
 */
async function* utf8Chunks(path: string, encoding: TextEncoding, skip: number): AsyncGenerator<Buffer> {
  const chunks = createReadStream(path, { start: skip, highWaterMark: READ_CHUNK });
  if (encoding !== 'gb18030') {
    for await (const chunk of chunks) yield chunk as Buffer;
    return;
  }
  if ((await stat(path)).size < THREAD_BYTES) {
    const decoder = new GbkToUtf8();
    for await (const chunk of chunks) yield decoder.write(chunk as Buffer);
    yield decoder.end();
    return;
  }
  const thread = new GbkThread();
  try {
    let ahead: Promise<Buffer> | undefined;
    for await (const chunk of chunks) {
      const next = thread.write(chunk as Buffer);
      // awaited next round; should the thread fail first, the rejection is not "unhandled"
      next.catch(() => undefined);
      if (ahead) yield await ahead;
      ahead = next;
    }
    if (ahead) yield await ahead;
    yield await thread.end();
  } finally {
    chunks.destroy();
    await thread.close();
  }
}

/** undefined: an encoding the fast path does not take (UTF-16, GB18030 on a Node without ICU). */
export async function prepareCsv(path: string, encoding: TextEncoding, skip: number, onRecords?: (n: number) => void): Promise<PreparedCsv | undefined> {
  if (encoding !== 'utf-8' && encoding !== 'utf-8-bom' && encoding !== 'gb18030') return undefined;
  // GbkToUtf8 builds on Node's GB18030 decoder; without it the JS way reads the file (iconv-lite).
  if (encoding === 'gb18030' && !hasNativeGb18030()) return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'shoplens-import-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    // Our own UTF-8 encoding of decoded GBK is valid by construction; a UTF-8 file is checked.
    const copy = new NumberedCopy(dir, pieceRows(), new CsvScanner(encoding !== 'gb18030'));
    for await (const chunk of utf8Chunks(path, encoding, skip)) {
      await copy.push(chunk);
      onRecords?.(copy.scanner.scan.records);
      if (copy.scanner.scan.irregular) break;
    }
    const scan = await copy.end();
    return { pieces: copy.pieces, scan, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
