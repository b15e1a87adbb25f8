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
}
