/** The sources that have a SQL normalizer (the DuckDB path); the others read through JS only. */
import { douyinAftersalesSql } from './sources/douyin-aftersales.js';
import { douyinOrdersSql } from './sources/douyin-orders.js';
import { jdOrdersSql } from './sources/jd-orders.js';
import { jstOrdersSql } from './sources/jst-orders.js';
import { pddOrdersSql } from './sources/pdd-orders.js';
import { taobaoItemsSql } from './sources/taobao-items.js';
import { taobaoOrdersSql } from './sources/taobao-orders.js';
import { taobaoRefundsSql } from './sources/taobao-refunds.js';
import { wdtOrdersSql } from './sources/wdt-orders.js';
import type { SqlSource } from './sql-source.js';

const sqlSources: readonly SqlSource[] = [
  taobaoOrdersSql, taobaoItemsSql, taobaoRefundsSql, douyinOrdersSql, douyinAftersalesSql, jdOrdersSql, pddOrdersSql, wdtOrdersSql, jstOrdersSql,
];

export function findSqlSource(id: string): SqlSource | undefined {
  return sqlSources.find((s) => s.id === id);
}
