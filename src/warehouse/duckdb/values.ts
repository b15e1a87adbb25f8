/**
 * The one table that decides how DuckDB values become JS. BIGINT and HUGEINT stay bigint and
 * DECIMAL becomes exact decimal text: nothing silently turns into a lossy float. A type with
 * no entry here is a compile error (Record over every DuckDBTypeId).
 */
import {
  DuckDBTypeId,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBListValue,
  DuckDBArrayValue,
  DuckDBStructValue,
  DuckDBTimestampValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBBlobValue,
  DuckDBMapValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { JsValue } from '../warehouse.js';

type Convert = (v: DuckDBValue, t: DuckDBType) => JsValue;

const same: Convert = (v) => v as JsValue;
const text: Convert = (v) => String(v);
const bigintOf: Convert = (v) => v as bigint;
const unsupported =
  (name: string): Convert =>
  () => {
    throw new Error(`DuckDB type ${name} is not used by ShopLens; cast it in SQL`);
  };

const DAY_MS = 86_400_000;
const dayText = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

const fromMicros = (micros: bigint) => new Date(Number(micros / 1000n));

const list: Convert = (v) => {
  const items = v instanceof DuckDBListValue || v instanceof DuckDBArrayValue ? v.items : [];
  return items.map((item) => toJsLoose(item));
};

/** Nested values carry no type here; convert them by their JS class. */
function toJsLoose(v: DuckDBValue): JsValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return v;
  if (v instanceof DuckDBDecimalValue) return v.toString();
  if (v instanceof DuckDBDateValue) return dayText(v.days);
  if (v instanceof DuckDBTimestampValue || v instanceof DuckDBTimestampTZValue) return fromMicros(v.micros);
  if (v instanceof DuckDBListValue || v instanceof DuckDBArrayValue) return v.items.map(toJsLoose);
  if (v instanceof DuckDBStructValue) return Object.fromEntries(Object.entries(v.entries).map(([k, x]) => [k, toJsLoose(x)]));
  return String(v);
}

export const fromDuckDB: Record<DuckDBTypeId, Convert> = {
  [DuckDBTypeId.INVALID]: unsupported('INVALID'),
  [DuckDBTypeId.BOOLEAN]: same,
  [DuckDBTypeId.TINYINT]: same,
  [DuckDBTypeId.SMALLINT]: same,
  [DuckDBTypeId.INTEGER]: same,
  [DuckDBTypeId.BIGINT]: bigintOf,
  [DuckDBTypeId.UTINYINT]: same,
  [DuckDBTypeId.USMALLINT]: same,
  [DuckDBTypeId.UINTEGER]: same,
  [DuckDBTypeId.UBIGINT]: bigintOf,
  [DuckDBTypeId.FLOAT]: same,
  [DuckDBTypeId.DOUBLE]: same,
  [DuckDBTypeId.TIMESTAMP]: (v) => fromMicros((v as DuckDBTimestampValue).micros),
  [DuckDBTypeId.DATE]: (v) => dayText((v as DuckDBDateValue).days),
  [DuckDBTypeId.TIME]: text,
  [DuckDBTypeId.INTERVAL]: text,
  [DuckDBTypeId.HUGEINT]: bigintOf,
  [DuckDBTypeId.UHUGEINT]: bigintOf,
  [DuckDBTypeId.VARCHAR]: same,
  [DuckDBTypeId.BLOB]: (v) => (v as DuckDBBlobValue).bytes,
  [DuckDBTypeId.DECIMAL]: (v) => (v as DuckDBDecimalValue).toString(),
  [DuckDBTypeId.TIMESTAMP_S]: (v) => new Date(Number((v as DuckDBTimestampSecondsValue).seconds) * 1000),
  [DuckDBTypeId.TIMESTAMP_MS]: (v) => new Date(Number((v as DuckDBTimestampMillisecondsValue).millis)),
  [DuckDBTypeId.TIMESTAMP_NS]: (v) => new Date(Number((v as DuckDBTimestampNanosecondsValue).nanos / 1_000_000n)),
  [DuckDBTypeId.ENUM]: same,
  [DuckDBTypeId.LIST]: list,
  [DuckDBTypeId.STRUCT]: (v) => toJsLoose(v),
  [DuckDBTypeId.MAP]: (v) => Object.fromEntries((v as DuckDBMapValue).entries.map((e) => [String(toJsLoose(e.key)), toJsLoose(e.value)])),
  [DuckDBTypeId.ARRAY]: list,
  [DuckDBTypeId.UUID]: text,
  [DuckDBTypeId.UNION]: unsupported('UNION'),
  [DuckDBTypeId.BIT]: text,
  [DuckDBTypeId.TIME_TZ]: text,
  [DuckDBTypeId.TIMESTAMP_TZ]: (v) => fromMicros((v as DuckDBTimestampTZValue).micros),
  [DuckDBTypeId.ANY]: unsupported('ANY'),
  [DuckDBTypeId.BIGNUM]: bigintOf,
  [DuckDBTypeId.SQLNULL]: () => null,
  [DuckDBTypeId.STRING_LITERAL]: same,
  [DuckDBTypeId.INTEGER_LITERAL]: same,
  [DuckDBTypeId.TIME_NS]: text,
  [DuckDBTypeId.GEOMETRY]: unsupported('GEOMETRY'),
  [DuckDBTypeId.VARIANT]: unsupported('VARIANT'),
};

export function convertValue(v: DuckDBValue, t: DuckDBType): JsValue {
  if (v === null) return null;
  return fromDuckDB[t.typeId](v, t);
}
