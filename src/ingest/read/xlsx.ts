/**
 * Streams an xlsx workbook sheet by sheet, so a big export never sits in memory whole (the
 * shared strings do: cells refer to them by index). Cells come out as text, numbers, or Dates
 * for numbers in a date style (wall time as if UTC, as Excel has no zone).
 *
 * Read here rather than with exceljs's streaming reader, which breaks a CJK character cut by a
 * 16 KiB chunk into U+FFFD (124 cells of a 200 k-row 抖店 export, exceljs issues #2063, #2084)
 * and read 7,800 rows/s.
 */
import { EXCEL_EPOCH_DAYS } from '../clean/dates.js';
import type { Cell, RawRow } from './types.js';
import { readDateStyles, readSharedStrings, readWorkbook } from './xlsx-parts.js';
import { openZip, type XlsxZip } from './xlsx-zip.js';
import { SheetParser } from './xlsx-sheet.js';

const BATCH = 2048;
const DAYS_1904 = 1462; // 1904-01-01 as a 1900-system serial

export interface SheetStream {
  name: string;
  rows: AsyncIterable<RawRow[]>;
  /** how much of the sheet has been read, 0–1 */
  read(): number;
}

interface CellStyle {
  /** emptied once the last sheet is read: at 1 M rows they are a few hundred MB the merge does not need */
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** Yields each sheet (in workbook order) with its rows in batches; row numbers are the sheet's own (1-based). */
export async function* readXlsx(path: string): AsyncGenerator<SheetStream> {
  const zip = await openZip(path);
  try {
    const book = await readWorkbook(zip);
    const style: CellStyle = {
      sharedStrings: await readSharedStrings(zip, book.sharedStrings),
      dateStyles: await readDateStyles(zip, book.styles),
      date1904: book.date1904,
    };
    for (const [k, sheet] of book.sheets.entries()) {
      const size = Math.max(1, zip.size(sheet.part));
      const seen = { bytes: 0 };
      yield { name: sheet.name, rows: sheetRows(zip, sheet.part, style, k === book.sheets.length - 1, seen), read: () => seen.bytes / size };
    }
  } finally {
    zip.close();
  }
}

/** The names of the workbook's sheets, in order. */
export async function xlsxSheetNames(path: string): Promise<string[]> {
  const zip = await openZip(path);
  try {
    return (await readWorkbook(zip)).sheets.map((s) => s.name);
  } finally {
    zip.close();
  }
}

/** `seen.bytes`: the part's bytes parsed so far */
async function* sheetRows(zip: XlsxZip, part: string, style: CellStyle, last: boolean, seen: { bytes: number }): AsyncGenerator<RawRow[]> {
  const rows = new SheetParser((type, s, text, index) => cellValue(style, type, s, text, index));
  for await (const chunk of zip.bytes(part)) {
    rows.writeBytes(chunk);
    seen.bytes += chunk.length;
    if (rows.out.length >= BATCH) { yield rows.out; rows.out = []; }
  }
  rows.endBytes();
  if (last) style.sharedStrings = [];
  if (rows.out.length) yield rows.out;
}

/** A cell's value from its type (`t`), style and text, or its shared string's `index`. */
function cellValue(c: CellStyle, type: string, style: number, v: string | undefined, index: number): Cell {
  switch (type) {
    case 's': {
      const at = index >= 0 ? index : v === undefined ? NaN : Number(v);
      const text = c.sharedStrings[at];
      if (text === undefined) throw new Error(`a cell refers to shared string ${index >= 0 ? index : v}, which the workbook does not have`);
      return text;
    }
    case 'inlineStr': case 'str': case 'e':
      return v ?? '';
    case 'b':
      return v === '1' || v === 'true' ? 'TRUE' : 'FALSE';
    case 'd': {
      // ISO 8601 (strict OOXML): a wall time
      const ms = v ? Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(v) ? v : `${v}Z`) : NaN;
      return Number.isNaN(ms) ? (v ?? '') : new Date(ms);
    }
    default: {
      if (v === undefined || v === '') return '';
      const num = Number(v);
      if (Number.isNaN(num)) return v;
      if (!c.dateStyles[style]) return num;
      const days = num - EXCEL_EPOCH_DAYS + (c.date1904 ? DAYS_1904 : 0);
      return new Date(Math.round(days * 86_400_000));
    }
  }
}
