/**
 * How metric values leave the metric layer: money as decimal yuan text ('1299.00', rounded to
 * the fen only here), counts and ratios as numbers, null stays null. Changes are computed from
 * the unrounded values; money changes exactly in fen.
 */
import { fenToDecimal } from '../core/money.js';
import type { JsValue } from '../warehouse/index.js';
import type { Unit } from './catalog/schema.js';

export type Cell = string | number | null;

/** Engine value → exact fen (bigint) for money, a JS number otherwise; null stays null. */
export function rawValue(v: JsValue | undefined, unit: Unit): bigint | number | null {
  if (v === null || v === undefined) return null;
  if (unit === 'money') return typeof v === 'bigint' ? v : BigInt(Math.round(Number(v)));
  if (typeof v === 'bigint') return Number(v);
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export function formatValue(v: bigint | number | null, unit: Unit): Cell {
  if (v === null) return null;
  if (unit === 'money') return fenToDecimal(typeof v === 'bigint' ? v : BigInt(Math.round(v)));
  return typeof v === 'bigint' ? Number(v) : v;
}

export function change(cur: bigint | number | null, prev: bigint | number | null): { abs: bigint | number | null; pct: number | null } {
  if (cur === null || prev === null) return { abs: null, pct: null };
  const abs = typeof cur === 'bigint' && typeof prev === 'bigint' ? cur - prev : Number(cur) - Number(prev);
  const p = Number(prev);
  return { abs, pct: p === 0 ? null : Number(abs) / Math.abs(p) };
}
