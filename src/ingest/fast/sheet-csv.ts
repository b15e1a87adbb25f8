/**
 * An xlsx sheet as a plain UTF-8 CSV, so that the DuckDB path reads it as it reads an export's
 * CSV (~8× faster than the JS cleaners). Only when every cell reads the same as its text: the
 * JS cleaners take an xlsx number or Date as what it is (clean/ids.ts, amounts.ts, dates.ts),
 * the SQL ones read text. Each cell is written so that both agree, or the copy is refused:
 *
 * - text: as it is (Excel guards and empty spellings are cleaned the same way on both paths);
 * - a number in an amount column: to the fen as amounts.ts rounds it (`59.699999999999996` →
 *   `59.70`), refused where amounts.ts refuses it (`12.345`);
 * - a number elsewhere: its digits when it is a safe integer or has at most two decimals (ids,
 *   counts and text then read alike); others (`59.699999999999996` as text,
 *   `1.2345678901234568e+18` as an id: digits lost) are refused;
 * - a Date outside time columns: its ISO text, as cellText gives it;
 * - in a time column, a Date or a serial number: its wall time to the second, `2026-03-01
 *   10:00:00`, as dates.ts reads it (a serial rounded to the second as dates.ts rounds it);
 *   a Date with milliseconds, or before year 1000, is refused.
 *
 * Row numbers: the DuckDB path numbers records, the JS path gives the sheet's row numbers; they
 * agree when the header is row 1 and no data row is left out, else the copy is refused too.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { numberToFen } from '../clean/amounts.js';
import { serialWallMs } from '../clean/dates.js';
import type { Cell, TablePart } from '../read/types.js';

const TWO_DECIMALS = /^-?\d+(\.\d{1,2})?$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A wall time (ms, as if UTC) as dates.ts reads it back, or undefined when it would not. */
function wallText(ms: number): string | undefined {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (ms % 1000 !== 0 || y < 1000 || y > 9999) return undefined;
  return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** How a column's fields read it (the source's field kinds): a time, an amount in fen, or anything else. */
export type ColumnRole = 'time' | 'fen' | undefined;

/** A number as clean/amounts.ts takes it (to the fen), as text; undefined when it refuses it or the fen is past exact integers. */
function fenText(n: number): string | undefined {
  const cents = numberToFen(n);
  if (cents === undefined || !Number.isSafeInteger(cents)) return undefined;
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The text a cell is written as, or undefined when no text reads the same. */
export function cellAsText(cell: Cell, role: ColumnRole): string | undefined {
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date) return role === 'time' ? wallText(cell.getTime()) : cell.toISOString();
  if (role === 'time') {
    const wall = serialWallMs(cell);
    return wall === undefined ? undefined : wallText(wall);
  }
  if (role === 'fen') return fenText(cell);
  const s = String(cell);
  return Number.isSafeInteger(cell) || (TWO_DECIMALS.test(s) && Math.abs(cell) < 2 ** 53 / 100) ? s : undefined;
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export type SheetCopy = { ok: true; rows: number } | { ok: false; reason: string };

/**
 * Writes the part (header, then its rows, each as wide as the header: cells past it are not
 * read by any source) to `path`. Refused at the first cell or row the DuckDB path would read
 * differently; the part's rows are then partly read.
 */
export async function sheetAsCsv(part: TablePart, roles: ReadonlyMap<number, ColumnRole>, path: string, onRows?: (n: number) => void): Promise<SheetCopy> {
  if (part.headerRow !== 1) return { ok: false, reason: `the header is row ${part.headerRow}` };
  const width = part.header.length;
  const out = createWriteStream(path);
  const closed = once(out, 'close');
  let rows = 0;
  try {
    out.write(part.header.map(csvCell).join(',') + '\n');
    for await (const batch of part.rows) {
      const lines: string[] = [];
      for (const r of batch) {
        if (r.n !== rows + 2) return { ok: false, reason: `row ${rows + 2} is empty or missing` };
        const cells: string[] = new Array(width);
        for (let i = 0; i < width; i++) {
          const c = r.cells[i];
          const text = c === undefined ? '' : cellAsText(c, roles.get(i));
          if (text === undefined) return { ok: false, reason: `cell ${i + 1} of row ${r.n} (${c instanceof Date ? c.toISOString() : String(c)}) reads differently as text` };
          cells[i] = csvCell(text);
        }
        lines.push(cells.join(','));
        rows++;
      }
      if (!out.write(lines.join('\n') + '\n')) await once(out, 'drain');
      onRows?.(rows);
    }
    return { ok: true, rows };
  } finally {
    out.end();
    await closed;
  }
}
