import type { Column, ColumnKind, TableDef } from '../model/index.js';

/**
 * Pure SQL emission for one engine: no I/O, testable without a database. Callers use the
 * semantic helpers, never engine-specific format strings.
 */
export interface Dialect {
  readonly name: 'duckdb' | 'clickhouse';
  /** Engines without server-side parameters must opt in to literal inlining explicitly. */
  readonly supportsBoundParameters: boolean;
  quoteIdent(name: string): string;
  /** placeholder of the 1-based parameter `index` */
  param(index: number, kind?: ColumnKind): string;
  columnType(kind: ColumnKind, nullable: boolean): string;
  createTable(table: TableDef, options?: { name?: string; ifNotExists?: boolean; temporary?: boolean }): string;
  addColumn(table: string, column: string, def: Column): string;
  /** ISO week (Monday) start of a DATE expression */
  weekStart(dayExpr: string): string;
  monthStart(dayExpr: string): string;
  quarterStart(dayExpr: string): string;
  yearStart(dayExpr: string): string;
  /** num / den as a double, null when den is 0 or null */
  safeDivide(num: string, den: string): string;
  /** any value of the group */
  anyValue(expr: string): string;
  countDistinct(expr: string): string;
  /** whole days from one DATE expression to another (to − from) */
  daysBetween(fromDay: string, toDay: string): string;
  /** exact quantiles of `expr` at `fractions` (0..1) as one array value; replaces NTILE buckets */
  quantiles(expr: string, fractions: readonly number[]): string;
  /** a DATE expression plus `days` whole days (an integer expression) */
  addDays(dayExpr: string, days: string): string;
  /** whole calendar months from one month-start DATE to another (to − from) */
  monthsBetween(fromMonth: string, toMonth: string): string;
  /** a bound parameter read as a DATE */
  dayParam(index: number): string;
  /** DATE expression shifted by whole months; a day past the target month's end clamps to it */
  addMonths(dayExpr: string, months: number): string;
  /** true on 29 February */
  isLeapDay(dayExpr: string): string;
  /** Monday of the same ISO week number in the next ISO year; null when that year has no such week (53) */
  isoWeekNextYear(weekStartExpr: string): string;
  /** text concatenation of the parts */
  concat(parts: readonly string[]): string;
  /** hours from timestamp `from` to `to`, as a double */
  hoursBetween(from: string, to: string): string;
  /** `value` of the row with the smallest / largest `by` in the group */
  argMin(value: string, by: string): string;
  argMax(value: string, by: string): string;
}

/** `$k+1, $k+2, …`: the placeholders of `count` parameters bound after the first `offset`, for `IN (…)`. */
export function paramList(d: Dialect, count: number, offset = 0): string {
  return Array.from({ length: count }, (_, i) => d.param(offset + i + 1)).join(', ');
}
