/**
 * Amounts → integer fen (bigint), exactly: `¥1,299.00`, `1,299.00`, `￥１２.５`, `12.5元` all
 * parse; more than two decimals is an error, never a rounding.
 */
import { decimalToFen } from '../../core/money.js';
import type { Cell } from '../read/types.js';
import { cellText, fold } from './text.js';
import type { Parsed } from './ids.js';

const PLAIN = /^-?\d+(\.\d{1,2})?$/;

/** An xlsx number in fen: float noise (59.699999999999996) rounded off, more than two decimals (12.345) undefined. */
export function numberToFen(n: number): number | undefined {
  const cents = Math.round(n * 100);
  return !Number.isFinite(n) || Math.abs(cents - n * 100) > 1e-6 * Math.max(1, Math.abs(n)) ? undefined : cents;
}

export function parseFen(cell: Cell | undefined): Parsed<bigint | undefined> {
  if (typeof cell === 'number') {
    const cents = numberToFen(cell);
    return cents === undefined ? { error: 'INGEST_AMOUNT_INVALID' } : { value: BigInt(cents) };
  }
  let s = cellText(cell);
  if (s === undefined) return { value: undefined };
  if (!PLAIN.test(s)) {
    s = fold(s).replace(/[¥$,\s]|元|RMB|CNY/g, '');
    if (s.startsWith('+')) s = s.slice(1);
  }
  const fen = decimalToFen(s);
  return fen === undefined ? { error: 'INGEST_AMOUNT_INVALID' } : { value: fen };
}

/** Whole numbers (quantities, visitors): `1,024` and `3.0` are fine, `2.5` is not. */
export function parseInt_(cell: Cell | undefined): Parsed<number | undefined> {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? { value: cell } : { error: 'INGEST_NUMBER_INVALID' };
  let s = cellText(cell);
  if (s === undefined) return { value: undefined };
  s = fold(s).replace(/[,\s]|件/g, '').replace(/\.0+$/, '');
  if (!/^-?\d+$/.test(s)) return { error: 'INGEST_NUMBER_INVALID' };
  const n = Number(s);
  return Number.isSafeInteger(n) ? { value: n } : { error: 'INGEST_NUMBER_INVALID' };
}
