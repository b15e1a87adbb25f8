/**
 * Columns are found by header name after folding, never by position: column order changes
 * between export versions. Each canonical field lists its spellings; the first that the
 * header holds wins.
 */
import { headerKey } from '../clean/text.js';
import type { ColumnSpec } from './types.js';

export type HeaderMap<F extends string = string> = ReadonlyMap<F, { index: number; header: string }>;

export function mapHeader<F extends string>(header: readonly string[], columns: Record<F, readonly string[]>): HeaderMap<F> {
  const byKey = new Map<string, number>();
  header.forEach((h, i) => {
    const k = headerKey(h);
    if (k && !byKey.has(k)) byKey.set(k, i);
  });
  const out = new Map<F, { index: number; header: string }>();
  for (const [field, names] of Object.entries(columns) as [F, readonly string[]][]) {
    for (const name of names) {
      const i = byKey.get(headerKey(name));
      if (i !== undefined) { out.set(field, { index: i, header: header[i]!.trim() }); break; }
    }
  }
  return out;
}

/** How well a header matches a signature: every name present → its length, else 0. */
export function signatureScore(header: readonly string[], signature: readonly string[]): number {
  const keys = new Set(header.map(headerKey));
  return signature.every((s) => keys.has(headerKey(s))) ? signature.length : 0;
}

export function missingRequired(map: HeaderMap, spec: ColumnSpec, required: readonly string[]): string[] {
  return required.filter((f) => !map.has(f)).map((f) => spec[f]?.[0] ?? f);
}
