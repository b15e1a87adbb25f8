/**
 * Streams an xlsx workbook sheet by sheet with exceljs's streaming reader, so a big export
 * never sits in memory whole. Cells come out as text, numbers or Dates (date-formatted cells).
 */
import type ExcelJSNs from 'exceljs';
import type { Cell, RawRow } from './types.js';

const BATCH = 2048;

export interface SheetStream {
  name: string;
  rows: AsyncIterable<RawRow[]>;
}

function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: string; result?: unknown; error?: string };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return cellValue(o.result);
    if (o.error !== undefined) return o.error;
  }
  return String(v);
}

/** Yields each sheet with its rows in batches; row numbers are the sheet's own (1-based). */
export async function* readXlsx(path: string): AsyncGenerator<SheetStream> {
  // loaded on first use: exceljs costs a second of start-up otherwise
  const { default: ExcelJS } = (await import('exceljs')) as { default: typeof ExcelJSNs };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'emit',
  });
  for await (const sheet of reader) {
    const ws = sheet as unknown as AsyncIterable<{ number: number; values: unknown[] }> & { id: number; name: string };
    const model = (reader as unknown as { model?: { sheets?: { id: number; name: string }[] } }).model;
    const name = model?.sheets?.find((s) => s.id === ws.id)?.name ?? ws.name;
    async function* rows(): AsyncGenerator<RawRow[]> {
      let batch: RawRow[] = [];
      for await (const row of ws) {
        // exceljs row.values is 1-based: index 0 is unused.
        const cells = (row.values ?? []).slice(1).map(cellValue);
        batch.push({ n: row.number, cells });
        if (batch.length >= BATCH) { yield batch; batch = []; }
      }
      if (batch.length) yield batch;
    }
    yield { name, rows: rows() };
  }
}
