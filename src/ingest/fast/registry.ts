/** The sources that have a SQL normalizer (the DuckDB path); the others read through JS only. */
import { douyinOrdersSql } from './sources/douyin-orders.js';
import { jdOrdersSql } from './sources/jd-orders.js';
import { jstOrdersSql } from './sources/jst-orders.js';
import { pddOrdersSql } from './sources/pdd-orders.js';
import { taobaoItemsSql } from './sources/taobao-items.js';
import { taobaoOrdersSql } from './sources/taobao-orders.js';
import { wdtOrdersSql } from './sources/wdt-orders.js';
import type { SqlSource } from './sql-source.js';

const sqlSources: readonly SqlSource[] = [taobaoOrdersSql, taobaoItemsSql, douyinOrdersSql, jdOrdersSql, pddOrdersSql, wdtOrdersSql, jstOrdersSql];

export function findSqlSource(id: string): SqlSource | undefined {
  return sqlSources.find((s) => s.id === id);
}
