/**
 * The shape every analysis returns: plain JSON (money as decimal text, ratios as numbers),
 * a few named tables for the CLI, exports and the web app, and notes on what was left out.
 */
import { fenToDecimal } from '../core/money.js';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface Bilingual {
  zh: string;
  en: string;
}

export interface ResultTable {
  title: Bilingual;
  rows: Row[];
}

export interface AnalysisResult {
  analysis: string;
  title: Bilingual;
  /** catalog metric ids the figures are computed with (same 口径) */
  metrics: string[];
  /** headline figures */
  summary: Row;
  tables: Record<string, ResultTable>;
  notes: Bilingual[];
}

/** Money from the engine (bigint fen, or null) to decimal text. */
export const money = (v: unknown): string | null => (v === null || v === undefined ? null : fenToDecimal(v as bigint));

/** Counts from the engine (bigint) to a JS number; analyses never count past 2^53. */
export const count = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** A ratio rounded for display stability; null stays null (zero denominator). */
export const ratio = (v: unknown, digits = 6): number | null =>
  v === null || v === undefined ? null : Number(Number(v).toFixed(digits));

export function pdNote(excluded: number): Bilingual[] {
  if (excluded === 0) return [];
  return [{
    zh: `${excluded} 笔已付款订单没有买家标识(如拼多多),未计入买家分析`,
    en: `${excluded} paid orders carry no buyer id (e.g. Pinduoduo) and are left out of buyer analyses`,
  }];
}
