/**
 * Status vocabularies: each source maps its own wording to a canonical status; the raw value
 * is always kept. Half- and full-width commas both occur in Taobao statuses, so keys are
 * folded (NFKC, no spaces) before the lookup.
 */
import type { OrderStatus } from '../../model/index.js';
import { fold } from './text.js';

export type Vocabulary<S extends string> = ReadonlyMap<string, S>;

const key = (s: string) => fold(s).replace(/\s+/g, '');

export function vocabulary<S extends string>(entries: Record<string, S>): Vocabulary<S> {
  return new Map(Object.entries(entries).map(([k, v]) => [key(k), v]));
}

export interface MappedStatus<S extends string> {
  status: S;
  raw: string;
  known: boolean;
}

/** An unknown wording falls back to `fallback` and is reported by the quality check. */
export function mapStatus<S extends string>(raw: string | undefined, vocab: Vocabulary<S>, fallback: S): MappedStatus<S> {
  const r = raw ?? '';
  const s = vocab.get(key(r));
  return s === undefined ? { status: fallback, raw: r, known: false } : { status: s, raw: r, known: true };
}

/** Unknown order wording: paid if a payment time exists, else unpaid. */
export function orderFallback(paidAt: Date | null | undefined): OrderStatus {
  return paidAt ? 'paid' : 'unpaid';
}
