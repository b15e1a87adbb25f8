/**
 * Platform IDs stay text: a 19-digit Taobao order number does not fit a JS number. An ID that
 * Excel turned into `1.23457E+18` or `…789.00` has lost digits for good: it is reported, never
 * repaired by guessing.
 */
import type { Cell } from '../read/types.js';
import type { IngestErrorCode } from '../errors.js';
import { cellText } from './text.js';

export type Parsed<T> = { value: T; error?: undefined } | { value?: undefined; error: IngestErrorCode };

const SCIENTIFIC = /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/;
const DECIMALS = /^\d+\.\d+$/;
const DIGITS = /^\d{1,40}$/;

/** undefined value: the cell is empty. */
export function parseId(cell: Cell | undefined): Parsed<string | undefined> {
  if (typeof cell === 'number') {
    // xlsx numbers: only integers that a double holds exactly are trustworthy.
    if (!Number.isSafeInteger(cell)) return { error: 'INGEST_ID_SCIENTIFIC' };
    return { value: String(cell) };
  }
  // Fast path: a plain run of digits (most IDs once the guard is off).
  if (typeof cell === 'string' && DIGITS.test(cell)) return { value: cell };
  const s = cellText(cell);
  if (s === undefined) return { value: undefined };
  if (SCIENTIFIC.test(s) || DECIMALS.test(s)) return { error: 'INGEST_ID_SCIENTIFIC' };
  if (/[\s,]/.test(s)) return { error: 'INGEST_ID_INVALID' };
  return { value: s };
}
