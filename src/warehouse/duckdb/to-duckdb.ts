/** JS values into DuckDB: bound parameters and bulk-loaded columns. */
import {
  BIGINT, BOOLEAN, DATE, DOUBLE, INTEGER, TIMESTAMP, VARCHAR,
  DuckDBDateValue, DuckDBTimestampValue,
  type DuckDBType, type DuckDBValue,
} from '@duckdb/node-api';
import type { ColumnKind } from '../../model/index.js';
import { dayTextToNumber } from '../../core/time.js';
import type { SqlValue } from '../warehouse.js';

export const duckdbTypeOfKind: Record<ColumnKind, DuckDBType> = {
  string: VARCHAR,
  int: INTEGER,
  bigint: BIGINT,
  money: BIGINT,
  float: DOUBLE,
  bool: BOOLEAN,
  timestamp: TIMESTAMP,
  day: DATE,
  json: VARCHAR,
};

const timestampOf = (d: Date) => new DuckDBTimestampValue(BigInt(d.getTime()) * 1000n);

const dayCache = new Map<string, DuckDBDateValue>();
function dateOf(day: string): DuckDBDateValue {
  let v = dayCache.get(day);
  if (!v) {
    const n = dayTextToNumber(day);
    if (n === undefined) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
    v = new DuckDBDateValue(n);
    if (dayCache.size < 100_000) dayCache.set(day, v);
  }
  return v;
}

type ToDuck = (v: unknown) => DuckDBValue;
const asBigint: ToDuck = (v) => (typeof v === 'bigint' ? v : BigInt(v as number));

export const toDuckDBColumn: Record<ColumnKind, ToDuck> = {
  string: (v) => v as string,
  int: (v) => v as number,
  bigint: asBigint,
  money: asBigint,
  float: (v) => v as number,
  bool: (v) => v as boolean,
  timestamp: (v) => timestampOf(v as Date),
  day: (v) => dateOf(v as string),
  json: (v) => v as string,
};

/** A bound parameter. Integers bind as BIGINT so they compare exactly with money columns. */
export function toDuckDBParam(v: SqlValue): DuckDBValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (v instanceof Date) return timestampOf(v);
  throw new TypeError(`cannot bind a ${typeof v}`);
}
