/**
 * A rendered report: blocks of typed tables, already evaluated with the recipient's scope.
 * Every renderer (XLSX, HTML, PDF) reads this one shape, so they agree on values and order.
 * Cell kinds decide how a value is shown and how it lands in a spreadsheet cell.
 */
import { fenToDecimal } from '../core/money.js';
import type { Localized } from '../alerts/notify/types.js';

export const cellKinds = ['text', 'day', 'integer', 'money', 'decimal', 'percent'] as const;
export type CellKind = (typeof cellKinds)[number];

/**
 * money: integer fen (bigint) or decimal yuan text; percent: a ratio (0.125 = 12.5 %) as a
 * number or decimal text; integer: bigint or number; decimal: number or decimal text.
 */
export type Cell = string | number | bigint | null;

export interface ReportColumn {
  readonly key: string;
  readonly label: Localized;
  readonly kind: CellKind;
}

export interface ReportBlock {
  readonly title: Localized;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly Readonly<Record<string, Cell>>[];
  /** a note under the table (口径, period, comparison basis) */
  readonly note?: Localized;
}

export interface RenderedReport {
  readonly id: string;
  readonly title: Localized;
  /** the business period covered, shop-local days inclusive */
  readonly period: { readonly from: string; readonly to: string };
  readonly generatedAt: Date;
  readonly blocks: readonly ReportBlock[];
}

/** The number a spreadsheet cell holds: yuan for money, the ratio for percent. */
export function cellNumber(kind: CellKind, v: Cell): number | null {
  if (v === null) return null;
  switch (kind) {
    case 'money':
      // fen → yuan via the exact decimal text, so 0.1 + 0.2 style drift never enters
      return Number(typeof v === 'bigint' ? fenToDecimal(v) : v);
    case 'integer':
    case 'decimal':
    case 'percent':
      return typeof v === 'bigint' ? Number(v) : Number(v);
    case 'text':
    case 'day':
      return null;
  }
}

const groupThousands = (s: string) => s.replace(/^(-?\d+)/, (m) => m.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

/** Display text, the same in HTML, PDF and chat messages. */
export function cellText(kind: CellKind, v: Cell): string {
  if (v === null || v === '') return '—';
  switch (kind) {
    case 'money':
      return groupThousands(typeof v === 'bigint' ? fenToDecimal(v) : String(v));
    case 'integer':
      return groupThousands(String(v));
    case 'decimal': {
      const n = Number(v);
      return Number.isFinite(n) ? groupThousands(n.toFixed(2)) : String(v);
    }
    case 'percent': {
      const n = Number(v);
      return Number.isFinite(n) ? `${(n * 100).toFixed(1)}%` : String(v);
    }
    case 'text':
    case 'day':
      return String(v);
  }
}

export const numericKinds: ReadonlySet<CellKind> = new Set(['integer', 'money', 'decimal', 'percent']);
