/**
 * Reads a pre-summarised customer file for `analyze ltv --summary`: one buyer per row with
 * lifetimes' names (frequency, recency, T, monetary_value) or Fader & Hardie's (x, t_x, T,
 * zbar). Every bad cell is an error with file, row and column.
 */
import { readFileSync } from 'node:fs';
import { fail } from '../../core/errors.js';
import { AnalysisErrors as E } from '../errors.js';
import type { RfmSummary } from './bg-nbd.js';
import type { SpendSummary } from './gamma-gamma.js';

const NAMINGS = [
  { x: 'frequency', tx: 'recency', T: 'T', m: 'monetary_value' },
  { x: 'x', tx: 't_x', T: 'T', m: 'zbar' },
] as const;

export interface SummaryFile {
  purchases: RfmSummary;
  /** repeat buyers with a positive mean value; null when the file has no value column */
  spend: SpendSummary | null;
}

export function readSummaryFile(file: string): SummaryFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(E.LTV_SUMMARY_UNREADABLE, { file, reason: (e as Error).message }, { file }, e);
  }
  return parseSummary(text, file);
}

export function parseSummary(text: string, file: string): SummaryFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  const naming = NAMINGS.find((n) => [n.x, n.tx, n.T].every((c) => header.includes(c)));
  if (!naming) fail(E.LTV_SUMMARY_COLUMNS, { file, found: header.join(', ') }, { file, row: 1 });
  const col = { x: header.indexOf(naming.x), tx: header.indexOf(naming.tx), T: header.indexOf(naming.T), m: header.indexOf(naming.m) };
  const x: number[] = [], tx: number[] = [], T: number[] = [], m: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const cells = line.split(',');
    const row = i + 1;
    const num = (index: number, name: string, integer: boolean): number => {
      const raw = (cells[index] ?? '').trim().replace(/^"|"$/g, '');
      const v = Number(raw);
      if (raw === '' || !Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v))) {
        fail(E.LTV_SUMMARY_VALUE, { value: raw, expected: integer ? ' 非负整数 / a non-negative integer' : ' 非负数 / a non-negative number' }, { file, row, column: name });
      }
      return v;
    };
    const xi = num(col.x, naming.x, true);
    const txi = num(col.tx, naming.tx, false);
    const Ti = num(col.T, naming.T, false);
    if (txi > Ti) fail(E.LTV_SUMMARY_VALUE, { value: String(txi), expected: ` ≤ ${naming.T} (${Ti})` }, { file, row, column: naming.tx });
    x.push(xi); tx.push(txi); T.push(Ti);
    if (col.m >= 0) m.push(num(col.m, naming.m, false));
  }
  if (x.length === 0) fail(E.LTV_SUMMARY_EMPTY, { file }, { file });
  const purchases: RfmSummary = {
    x: Float64Array.from(x), tx: Float64Array.from(tx), T: Float64Array.from(T), weight: new Float64Array(x.length).fill(1),
  };
  if (col.m < 0) return { purchases, spend: null };
  const keep = x.map((_, i) => i).filter((i) => x[i]! > 0 && m[i]! > 0);
  return {
    purchases,
    spend: {
      x: Float64Array.from(keep, (i) => x[i]!),
      zbar: Float64Array.from(keep, (i) => m[i]!),
      weight: new Float64Array(keep.length).fill(1),
    },
  };
}
