/**
 * Gets a CSV ready for DuckDB's read_csv: UTF-8 text in pieces of at most CHUNK_ROWS data rows,
 * each a small CSV with the file's header, in a temporary folder. GBK/GB18030 is transcoded on
 * the way (DuckDB decodes GBK only through an extension that has to be downloaded); a UTF-8
 * file is copied as it is, less its BOM. Pieces keep each DuckDB statement's memory bounded
 * whatever the file size (a TEMP table being filled inside a transaction is not spilled). One
 * scan (scan-csv.ts) checks the file is regular, counts its records and finds the cuts.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { textDecoder, type TextEncoding } from '../read/encoding.js';
import { CsvScanner, type CsvScan } from './scan-csv.js';

const READ_CHUNK = 4 << 20;
/** data rows per piece; SHOPLENS_INGEST_PIECE_ROWS tunes it (smaller: less memory, more statements) */
export function pieceRows(): number {
  const n = Number(process.env.SHOPLENS_INGEST_PIECE_ROWS);
  return Number.isSafeInteger(n) && n > 0 ? n : 200_000;
}

export interface PreparedCsv {
  /** UTF-8 pieces in file order, each with the header; piece k holds data rows k·rows … */
  pieces: string[];
  rows: number;
  scan: CsvScan;
  /** removes the pieces */
  cleanup(): Promise<void>;
}

/** undefined: an encoding the fast path does not take (UTF-16). */
export async function prepareCsv(path: string, encoding: TextEncoding, skip: number, onRecords?: (n: number) => void): Promise<PreparedCsv | undefined> {
  if (encoding !== 'utf-8' && encoding !== 'utf-8-bom' && encoding !== 'gb18030') return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'shoplens-import-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    // Our own UTF-8 encoding of decoded GBK is valid by construction; a UTF-8 file is checked.
    const rows = pieceRows();
    const scanner = new CsvScanner(encoding !== 'gb18030', rows);
    const decoder = encoding === 'gb18030' ? textDecoder(encoding) : undefined;
    const pieces: string[] = [];
    let header: Buffer[] = [];
    let out: WriteStream | undefined;
    let offset = 0;
    let usedCuts = 0;
    const write = async (b: Buffer) => {
      if (b.length === 0) return;
      if (!out) header.push(b);
      else if (!out.write(b)) await once(out, 'drain');
    };
    const next = async () => {
      if (out) { out.end(); await once(out, 'finish'); }
      const p = join(dir, `piece-${pieces.length}.csv`);
      pieces.push(p);
      out = createWriteStream(p);
      const h = Buffer.concat(header);
      header = [h];
      out.write(h);
    };
    const put = async (b: Buffer) => {
      scanner.push(b);
      let pos = 0;
      for (; usedCuts < scanner.scan.cuts.length; usedCuts++) {
        const at = scanner.scan.cuts[usedCuts]! - offset;
        await write(b.subarray(pos, at));
        pos = at;
        await next();
      }
      await write(b.subarray(pos));
      offset += b.length;
    };
    for await (const chunk of createReadStream(path, { start: skip, highWaterMark: READ_CHUNK })) {
      await put(decoder ? Buffer.from(decoder.write(chunk as Buffer), 'utf8') : (chunk as Buffer));
      onRecords?.(scanner.scan.records);
      if (scanner.scan.irregular) break;
    }
    if (decoder) await put(Buffer.from(decoder.end(), 'utf8'));
    const scan = scanner.end();
    if (out) { (out as WriteStream).end(); await once(out as WriteStream, 'finish'); }
    return { pieces, rows, scan, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
