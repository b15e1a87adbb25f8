/**
 * Gets a CSV ready for DuckDB's read_csv: UTF-8 files are read where they are (read_csv skips
 * the BOM itself); GBK/GB18030 files are transcoded to a temporary UTF-8 file in 4 MiB chunks,
 * because DuckDB decodes GBK only through an extension that has to be downloaded. Either way
 * one scan (scan-csv.ts) checks the file is regular and counts its records. Memory stays at a
 * few chunks whatever the file size.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { textDecoder, type TextEncoding } from '../read/encoding.js';
import { CsvScanner, type CsvScan } from './scan-csv.js';

const CHUNK = 4 << 20;

export interface PreparedCsv {
  /** a UTF-8 file DuckDB can read */
  path: string;
  scan: CsvScan;
  /** removes the temporary copy, if any */
  cleanup(): Promise<void>;
}

/** undefined: an encoding the fast path does not take (UTF-16). */
export async function prepareCsv(path: string, encoding: TextEncoding, skip: number, onRecords?: (n: number) => void): Promise<PreparedCsv | undefined> {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    const scanner = new CsvScanner(true);
    for await (const b of createReadStream(path, { start: skip, highWaterMark: CHUNK })) {
      scanner.push(b as Buffer);
      onRecords?.(scanner.scan.records);
      if (scanner.scan.irregular) break;
    }
    return { path, scan: scanner.end(), cleanup: async () => undefined };
  }
  if (encoding !== 'gb18030') return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'shoplens-import-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const out = join(dir, 'utf8.csv');
    // Our own UTF-8 encoding of decoded text: valid by construction.
    const scanner = new CsvScanner(false);
    const decoder = textDecoder(encoding);
    const ws = createWriteStream(out);
    const put = async (text: string) => {
      const b = Buffer.from(text, 'utf8');
      scanner.push(b);
      if (!ws.write(b)) await once(ws, 'drain');
    };
    for await (const b of createReadStream(path, { start: skip, highWaterMark: CHUNK })) {
      await put(decoder.write(b as Buffer));
      onRecords?.(scanner.scan.records);
      if (scanner.scan.irregular) break;
    }
    await put(decoder.end());
    ws.end();
    await once(ws, 'finish');
    return { path: out, scan: scanner.end(), cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
