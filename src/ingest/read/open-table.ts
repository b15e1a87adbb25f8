/**
 * Opens an export as a sequence of tables (a CSV is one, a workbook one per sheet), sniffing
 * what the file is and its encoding. Rows stream in batches; memory stays flat whatever the
 * file size.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fail } from '../../core/errors.js';
import { IngestErrors as E } from '../errors.js';
import { CsvParser, type CsvOptions } from './csv-parser.js';
import { sniff, textDecoder, type FileKind, type TextEncoding } from './encoding.js';
import type { RawRow, TablePart } from './types.js';
import { readXlsx, xlsxSheetNames } from './xlsx.js';

export interface OpenedFile {
  kind: Exclude<FileKind, 'binary' | 'xls'>;
  encoding: TextEncoding | 'xlsx';
  bytes: number;
  /** a workbook's sheets (names in order) */
  sheets?: string[];
  /** a text file's delimiter, as given or sniffed */
  delimiter?: string;
  parts: AsyncIterable<TablePart>;
}

const isBlank = (cells: readonly unknown[]) => cells.every((c) => c === '' || c === null || c === undefined);

export async function openTable(path: string, options: CsvOptions & { encoding?: TextEncoding } = {}): Promise<OpenedFile> {
  const file = basename(path);
  const st = await stat(path).catch(() => fail(E.INGEST_FILE_MISSING, { file: path }));
  if (!st.isFile()) fail(E.INGEST_FILE_MISSING, { file: path });
  if (st.size === 0) fail(E.INGEST_FILE_EMPTY, { file });
  const fh = await open(path, 'r');
  const head = Buffer.alloc(Math.min(65536, st.size));
  await fh.read(head, 0, head.length, 0).finally(() => fh.close());
  const s = sniff(head);
  if (s.kind === 'binary') fail(E.INGEST_FILE_BINARY, { file });
  if (s.kind === 'xls') fail(E.INGEST_FILE_XLS, { file });
  if (s.kind === 'xlsx') {
    const sheets = await xlsxSheetNames(path).catch((e: Error) => fail(E.INGEST_FILE_TRUNCATED, { file, detail: e.message }, { file }, e));
    return { kind: 'xlsx', encoding: 'xlsx', bytes: st.size, sheets, parts: xlsxParts(path, file) };
  }
  // a web page or SpreadsheetML 2003 saved as .xls: a table, but not one a CSV reader can read
  if (/^\s*<(!doctype html|html|table|\?xml)/i.test(head.toString('latin1', s.skip, s.skip + 256))) fail(E.INGEST_FILE_MARKUP, { file });
  const encoding = options.encoding ?? s.encoding!;
  const delimiter = options.delimiter ?? sniffDelimiter(head, s.skip);
  return { kind: 'csv', encoding, bytes: st.size, delimiter, parts: csvParts(path, file, st.size, encoding, s.skip, { ...options, delimiter }) };
}

/**
 * A text export's delimiter: a tab when its first line has tabs and no commas (some back offices
 * save tab-separated text and name it .xls or .txt), else a comma. Bytes suffice: a tab and a
 * comma are single bytes in UTF-8 and GBK alike (GBK's second bytes start at 0x40).
 */
function sniffDelimiter(head: Buffer, skip: number): string {
  const end = head.indexOf(0x0a, skip);
  const line = head.subarray(skip, end < 0 ? head.length : end);
  return line.includes(0x09) && !line.includes(0x2c) ? '\t' : ',';
}

async function* xlsxParts(path: string, file: string): AsyncGenerator<TablePart> {
  let sheets;
  try {
    sheets = readXlsx(path);
    for await (const sheet of sheets) {
      const it = sheet.rows[Symbol.asyncIterator]();
      let header: RawRow | undefined;
      let rest: RawRow[] = [];
      // The header is the first non-blank row; some exports put a title row above it.
      while (!header) {
        const next = await it.next();
        if (next.done) break;
        const idx = next.value.findIndex((r) => !isBlank(r.cells) && r.cells.filter((c) => c !== '').length >= 2);
        if (idx >= 0) { header = next.value[idx]; rest = next.value.slice(idx + 1); }
      }
      if (!header) continue;
      async function* rows(): AsyncGenerator<RawRow[]> {
        if (rest.length) yield rest.filter((r) => !isBlank(r.cells));
        for (let n = await it.next(); !n.done; n = await it.next()) yield n.value.filter((r) => !isBlank(r.cells));
      }
      yield { name: sheet.name, header: header.cells.map((c) => String(c)), headerRow: header.n, rows: rows(), read: sheet.read };
    }
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('INGEST_')) throw e;
    fail(E.INGEST_FILE_TRUNCATED, { file, detail: (e as Error).message }, { file }, e);
  }
}

async function* csvParts(path: string, file: string, size: number, encoding: TextEncoding, skip: number, options: CsvOptions): AsyncGenerator<TablePart> {
  const decoder = textDecoder(encoding);
  const parser = new CsvParser(options);
  const stream = createReadStream(path, { start: skip, highWaterMark: 1 << 20 });
  const chunks = stream[Symbol.asyncIterator]();
  let lineNo = 0;
  let finished = false;
  const pull = async (): Promise<RawRow[] | undefined> => {
    if (finished) return undefined;
    const out: string[][] = [];
    while (out.length === 0) {
      const next = await chunks.next();
      if (next.done) {
        parser.push(decoder.end(), out);
        const { unterminatedQuote } = parser.end(out);
        finished = true;
        if (unterminatedQuote) fail(E.INGEST_FILE_TRUNCATED, { file, detail: 'a quoted field is never closed / 引号未闭合' }, { file, row: lineNo + out.length });
        break;
      }
      parser.push(decoder.write(next.value as Buffer), out);
    }
    // Record numbers count records, which equal spreadsheet rows (a quoted line break stays in its cell).
    return out.map((cells) => ({ n: ++lineNo, cells }));
  };
  let header: RawRow | undefined;
  let pending: RawRow[] = [];
  while (!header) {
    const batch = await pull();
    if (!batch) break;
    const idx = batch.findIndex((r) => !isBlank(r.cells));
    if (idx >= 0) { header = batch[idx]; pending = batch.slice(idx + 1); }
  }
  if (!header) fail(E.INGEST_FILE_EMPTY, { file });
  async function* rows(): AsyncGenerator<RawRow[]> {
    if (pending.length) yield pending.filter((r) => !isBlank(r.cells));
    for (let b = await pull(); b; b = await pull()) yield b.filter((r) => !isBlank(r.cells));
  }
  try {
    const text = Math.max(1, size - skip);
    yield { name: '', header: header.cells as string[], headerRow: header.n, rows: rows(), read: () => stream.bytesRead / text };
  } finally {
    // A reader that stops after the header (the DuckDB path reads the file itself) closes the file here.
    stream.destroy();
  }
}
