/**
 * The registry of analyses: name, titles, options schema (zod) and runner. The CLI
 * (`shoplens analyze <name>`) and the HTTP API list and run analyses only through it, so a
 * new analysis is one entry here.
 */
import type { z } from 'zod';
import { fail } from '../core/errors.js';
import type { Warehouse } from '../warehouse/index.js';
import { AnalysisErrors as E } from './errors.js';
import type { AnalysisResult } from './result.js';
import type { ShopScope } from './sql.js';

/**
 * What a run shows beyond sales figures, for the reader who may not see it (the server withholds
 * it): cost, profit and settlement figures (`finance`, metrics:finance) and lists of buyers
 * (`buyers`, customers:read) — either the whole result ('all') or by name: the row and summary
 * fields for finance, the tables for buyers.
 */
export interface Sensitive {
  finance?: 'all' | readonly string[];
  buyers?: 'all' | readonly string[];
}

export interface AnalysisEntry {
  name: string;
  zh: string;
  en: string;
  options: z.ZodType<object>;
  run(wh: Warehouse, options: object, scope: ShopScope | undefined): Promise<AnalysisResult>;
  /** of parsed options */
  sensitive(options: object): Sensitive;
}

/** Wraps a typed analysis function as a registry entry. */
export function entry<S extends z.ZodType<object>>(
  name: string, zh: string, en: string, options: S,
  fn: (wh: Warehouse, options: z.input<S> & { scope?: ShopScope }) => Promise<AnalysisResult>,
  sensitive: (options: z.output<S>) => Sensitive = () => ({}),
): AnalysisEntry {
  return {
    name, zh, en, options,
    run: (wh, o, scope) => fn(wh, { ...(o as object), ...(scope ? { scope } : {}) } as z.input<S> & { scope?: ShopScope }),
    sensitive: (o) => sensitive(o as z.output<S>),
  };
}

export function findAnalysis(list: readonly AnalysisEntry[], name: string): AnalysisEntry {
  const found = list.find((a) => a.name === name);
  if (!found) fail(E.ANALYSIS_UNKNOWN, { name, known: list.map((a) => a.name).join(', ') });
  return found;
}

/** Validates raw options (from flags or JSON) against the entry's schema with a coded error. */
export function parseOptions(a: AnalysisEntry, raw: Record<string, unknown>): object {
  const r = a.options.safeParse(raw);
  if (!r.success) {
    const detail = r.error.issues.map((i) => `${i.path.join('.') || '(options)'}: ${i.message}`).join('; ');
    fail(E.ANALYSIS_BAD_OPTIONS, { name: a.name, detail });
  }
  return r.data;
}
