import { assertUnreachable } from '../core/errors.js';
import type { Column, ColumnKind, TableDef } from '../model/index.js';
import type { Dialect } from './dialect.js';

const typeOf: Record<ColumnKind, string> = {
  string: 'VARCHAR',
  int: 'INTEGER',
  bigint: 'BIGINT',
  money: 'BIGINT',
  float: 'DOUBLE',
  bool: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
  day: 'DATE',
  json: 'VARCHAR',
};

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  supportsBoundParameters: true,
  quoteIdent: (name) => `"${name.replace(/"/g, '""')}"`,
  param: (index) => `$${index}`,
  columnType(kind, nullable) {
    const t = typeOf[kind];
    if (!t) return assertUnreachable(kind as never, 'no DuckDB type for column kind');
    return nullable ? t : `${t} NOT NULL`;
  },
  createTable(table: TableDef, options = {}) {
    const name = options.name ?? table.name;
    const cols = Object.entries(table.columns).map(
      ([col, def]) => `  ${this.quoteIdent(col)} ${this.columnType(def.kind, def.isNullable)}`,
    );
    const head = `CREATE ${options.temporary ? 'TEMP ' : ''}TABLE ${options.ifNotExists ? 'IF NOT EXISTS ' : ''}${this.quoteIdent(name)}`;
    return `${head} (\n${cols.join(',\n')}\n)`;
  },
  addColumn(table: string, column: string, def: Column) {
    // DuckDB cannot add a NOT NULL column without a default; the migration backfills first.
    return `ALTER TABLE ${this.quoteIdent(table)} ADD COLUMN ${this.quoteIdent(column)} ${typeOf[def.kind]}`;
  },
  weekStart: (d) => `CAST(date_trunc('week', ${d}) AS DATE)`,
  monthStart: (d) => `CAST(date_trunc('month', ${d}) AS DATE)`,
  quarterStart: (d) => `CAST(date_trunc('quarter', ${d}) AS DATE)`,
  yearStart: (d) => `CAST(date_trunc('year', ${d}) AS DATE)`,
  safeDivide: (n, d) => `CAST(${n} AS DOUBLE) / NULLIF(${d}, 0)`,
  anyValue: (e) => `any_value(${e})`,
  countDistinct: (e) => `count(DISTINCT ${e})`,
  daysBetween: (f, t) => `date_diff('day', ${f}, ${t})`,
  // quantile_disc picks observed values, as ClickHouse's quantilesExact does.
  quantiles: (e, fr) => `quantile_disc(${e}, [${fr.map((f) => Number(f).toString()).join(', ')}])`,
  addDays: (d, n) => `CAST(${d} + CAST(${n} AS INTEGER) AS DATE)`,
  monthsBetween: (f, t) => `date_diff('month', ${f}, ${t})`,
  dayParam: (index) => `CAST($${index} AS DATE)`,
  addMonths: (d, n) => `CAST(${d} + to_months(${n}) AS DATE)`,
  isLeapDay: (d) => `(month(${d}) = 2 AND day(${d}) = 29)`,
  // Monday of ISO week 1 of year Y is 4 January minus (its ISO weekday − 1) days.
  isoWeekNextYear: (w) => {
    const jan4 = `make_date(CAST(isoyear(${w}) + 1 AS INTEGER), 1, 4)`;
    const x = `CAST(${jan4} - CAST(isodow(${jan4}) - 1 AS INTEGER) + CAST((weekofyear(${w}) - 1) * 7 AS INTEGER) AS DATE)`;
    return `CASE WHEN isoyear(${x}) = isoyear(${w}) + 1 THEN ${x} END`;
  },
  concat: (parts) => `(${parts.join(' || ')})`,
  hoursBetween: (a, b) => `(CAST(epoch(${b}) - epoch(${a}) AS DOUBLE) / 3600)`,
  argMin: (v, by) => `arg_min(${v}, ${by})`,
  argMax: (v, by) => `arg_max(${v}, ${by})`,
};
