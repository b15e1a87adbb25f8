/**
 * Local wall-clock times of the shop → UTC instants. Exports write `2026-03-01 10:00:00`,
 * Excel re-saves write `2026/3/1 10:00`, xlsx gives Dates or serial numbers (wall time, no
 * zone). `0001-01-01 00:00:00` is JD's "not paid" and reads as null.
 */
import { zoneOffsetFn } from '../../core/time.js';
import type { Cell } from '../read/types.js';
import type { Parsed } from './ids.js';
import { cellText, fold } from './text.js';

const DATE_TIME = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
export const EXCEL_EPOCH_DAYS = 25569; // 1970-01-01 as an Excel serial
const MAX_SERIAL = 2958466; // 10000-01-01

/** An Excel serial (days, 1900 system) as wall-clock ms to the second, or undefined outside 1900–9999. */
export function serialWallMs(serial: number): number | undefined {
  if (!(serial > 0 && serial < MAX_SERIAL)) return undefined;
  return Math.round((serial - EXCEL_EPOCH_DAYS) * 86_400_000 / 1000) * 1000;
}

export type ZoneOffset = (utcMs: number) => number;

export function zoneOf(tz: string): ZoneOffset {
  return zoneOffsetFn(tz);
}

/** Wall-clock ms (as if UTC) → the UTC instant in the zone; two passes settle DST edges. */
export function wallToUtc(wallMs: number, off: ZoneOffset): Date {
  let utc = wallMs - off(wallMs);
  utc = wallMs - off(utc);
  return new Date(utc);
}

/** A time part the text may leave out (COMPACT has none): 0 when absent. */
const part = (x: string | undefined) => (x === undefined ? 0 : Number(x));

/** value null: an explicit "never" marker (unpaid); undefined: empty cell. */
export function parseLocalTime(cell: Cell | undefined, off: ZoneOffset): Parsed<Date | null | undefined> {
  if (cell instanceof Date) return { value: wallToUtc(cell.getTime(), off) };
  if (typeof cell === 'number') {
    const wall = serialWallMs(cell);
    return wall === undefined ? { error: 'INGEST_DATE_INVALID' } : { value: wallToUtc(wall, off) };
  }
  const raw = cellText(cell);
  if (raw === undefined) return { value: undefined };
  const s = fold(raw);
  const m = DATE_TIME.exec(s) ?? COMPACT.exec(s);
  if (!m) return { error: 'INGEST_DATE_INVALID' };
  // each part by itself, not through an array (a quarter of the parse, millions of times per import)
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  const h = part(m[4]), mi = part(m[5]), se = part(m[6]);
  if (y === 1 && mo === 1 && d === 1) return { value: null };
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return { error: 'INGEST_DATE_INVALID' };
  const wall = Date.UTC(y, mo - 1, d, h, mi, se);
  if (new Date(wall).getUTCDate() !== d) return { error: 'INGEST_DATE_INVALID' };
  return { value: wallToUtc(wall, off) };
}
