/** The sources that have a SQL normalizer (the DuckDB path); the others read through JS only. */
import { douyinOrdersSql } from './sources/douyin-orders.js';
import { taobaoOrdersSql } from './sources/taobao-orders.js';
import type { SqlSource } from './sql-source.js';

const sqlSources: readonly SqlSource[] = [taobaoOrdersSql, douyinOrdersSql];

export function findSqlSource(id: string): SqlSource | undefined {
  return sqlSources.find((s) => s.id === id);
}
