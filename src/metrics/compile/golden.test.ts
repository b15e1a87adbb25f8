/**
 * Whole-string SQL per dialect. `goldens` is a Record over the implemented dialects: adding
 * ClickHouse to `dialects` is a compile error here until every query has its ClickHouse text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { duckdbDialect, type Dialect } from '../../warehouse/index.js';
import { loadCatalog } from '../catalog/load.js';
import type { MetricQuery, Scope } from '../query.js';
import { compileMetricQuery } from './compile.js';

const dialects = { duckdb: duckdbDialect } satisfies Partial<Record<Dialect['name'], Dialect>>;
type DialectName = keyof typeof dialects;

interface Golden {
  name: string;
  query: MetricQuery;
  scope?: Scope;
  /** false: base tables only */
  rollups?: boolean;
  expected: Record<DialectName, { sql: string; params: unknown[] }>;
}

const BUYER = `(o.shop_id || '|' || coalesce(o.customer_id, ('order:' || o.order_id)))`;
/** grouped by shop, keys need no shop prefix */
const BUYER_IN_SHOP = `coalesce(o.customer_id, ('order:' || o.order_id))`;

const goldens: Golden[] = [
  {
    name: 'two measures of one fact share one scan',
    query: { metrics: ['paid_amount', 'paid_orders'], from: '2024-03-01', to: '2024-03-31' },
    rollups: false,
    expected: {
      duckdb: {
        sql:
          'SELECT coalesce(sum(q."c0"), 0) AS "paid_amount", coalesce(sum(q."c1"), 0) AS "paid_orders" FROM (' +
          'SELECT sum(o.paid_amount) AS "c0", count(*) AS "c1" FROM orders o ' +
          'WHERE o.paid_day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) AND o.paid_day IS NOT NULL) q',
        params: ['2024-03-01', '2024-03-31'],
      },
    },
  },
  {
    name: 'AOV by category, 环比, scoped: line allocation, every table restricted',
    query: { metrics: ['aov'], dimensions: ['category_l1'], from: '2024-03-01', to: '2024-03-31', compare: 'mom' },
    scope: { shopIds: ['tm1'] },
    rollups: false,
    expected: {
      duckdb: {
        sql:
          'SELECT q."category_l1" AS "category_l1", ' +
          'CAST(coalesce(sum(q."c0"), 0) AS DOUBLE) / NULLIF(coalesce(sum(q."c1"), 0), 0) AS "aov", ' +
          'CAST(coalesce(sum(q."p0"), 0) AS DOUBLE) / NULLIF(coalesce(sum(q."p1"), 0), 0) AS "aov_prev" FROM (' +
          `SELECT p.category_l1 AS "category_l1", sum(l.paid_amount) AS "c0", count(DISTINCT ${BUYER}) AS "c1", NULL AS "p0", NULL AS "p1" ` +
          'FROM order_lines l JOIN orders o ON o.shop_id = l.shop_id AND o.order_id = l.order_id AND o.shop_id IN ($1) ' +
          'LEFT JOIN products p ON p.shop_id = l.shop_id AND p.sku_id = l.sku_id AND p.shop_id IN ($1) ' +
          'WHERE l.paid_day BETWEEN CAST($2 AS DATE) AND CAST($3 AS DATE) AND l.paid_day IS NOT NULL AND l.shop_id IN ($1) GROUP BY 1 ' +
          'UNION ALL ' +
          `SELECT p.category_l1 AS "category_l1", NULL AS "c0", NULL AS "c1", sum(l.paid_amount) AS "p0", count(DISTINCT ${BUYER}) AS "p1" ` +
          'FROM order_lines l JOIN orders o ON o.shop_id = l.shop_id AND o.order_id = l.order_id AND o.shop_id IN ($1) ' +
          'LEFT JOIN products p ON p.shop_id = l.shop_id AND p.sku_id = l.sku_id AND p.shop_id IN ($1) ' +
          'WHERE l.paid_day BETWEEN CAST($4 AS DATE) AND CAST($5 AS DATE) AND l.paid_day IS NOT NULL AND l.shop_id IN ($1) GROUP BY 1' +
          ') q GROUP BY q."category_l1" ORDER BY "category_l1"',
        params: ['tm1', '2024-03-01', '2024-03-31', '2024-02-01', '2024-02-29'],
      },
    },
  },
  {
    name: 'repurchase rate by shop and ISO week: buyers with two orders counted per group, keys without shop prefix, values bound',
    query: {
      metrics: ['repurchase_rate'], dimensions: ['shop'], grain: 'week', from: '2026-12-21', to: '2027-01-03',
      filters: { platform: ['tmall', 'jd'] }, sort: [{ by: 'repurchase_rate', desc: true }], limit: 10,
    },
    rollups: false,
    expected: {
      duckdb: {
        sql:
          'SELECT q."week" AS "week", q."shop" AS "shop", ' +
          'CAST(coalesce(sum(q."c0"), 0) AS DOUBLE) / NULLIF(coalesce(sum(q."c1"), 0), 0) AS "repurchase_rate" FROM (' +
          'SELECT h."shop" AS "shop", h."week" AS "week", count(*) AS "c0", NULL AS "c1" FROM (' +
          `SELECT o.shop_id AS "shop", CAST(date_trunc('week', o.paid_day) AS DATE) AS "week", ${BUYER_IN_SHOP} AS k ` +
          'FROM orders o JOIN shops s ON s.shop_id = o.shop_id ' +
          'WHERE o.paid_day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) AND s.platform IN ($3, $4) AND o.paid_day IS NOT NULL ' +
          `GROUP BY 1, 2, 3 HAVING count(DISTINCT o.order_id) >= $5) h GROUP BY h."shop", h."week" ` +
          'UNION ALL ' +
          `SELECT o.shop_id AS "shop", CAST(date_trunc('week', o.paid_day) AS DATE) AS "week", NULL AS "c0", count(DISTINCT ${BUYER_IN_SHOP}) AS "c1" ` +
          'FROM orders o JOIN shops s ON s.shop_id = o.shop_id ' +
          'WHERE o.paid_day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) AND s.platform IN ($3, $4) AND o.paid_day IS NOT NULL GROUP BY 1, 2' +
          ') q GROUP BY q."week", q."shop" ORDER BY "repurchase_rate" DESC NULLS LAST LIMIT $6',
        params: ['2026-12-21', '2027-01-03', 'tmall', 'jd', 2, 10],
      },
    },
  },
  {
    name: 'from rollups: AOV by source and month, 同比, scoped; distinct buyers counted on buyer numbers',
    query: { metrics: ['aov'], dimensions: ['source'], grain: 'month', from: '2024-01-01', to: '2024-03-31', compare: 'yoy' },
    scope: { shopIds: ['tm1'] },
    expected: {
      duckdb: {
        sql:
          'SELECT q."month" AS "month", q."source" AS "source", ' +
          'CAST(coalesce(sum(q."c0"), 0) AS DOUBLE) / NULLIF(coalesce(sum(q."c1"), 0), 0) AS "aov", ' +
          'CAST(coalesce(sum(q."p0"), 0) AS DOUBLE) / NULLIF(coalesce(sum(q."p1"), 0), 0) AS "aov_prev" FROM (' +
          `SELECT NULLIF(ro.source, '') AS "source", CAST(date_trunc('month', ro.day) AS DATE) AS "month", sum(ro.paid_amount) AS "c0", NULL AS "c1", NULL AS "p0", NULL AS "p1" ` +
          'FROM rollup_orders_daily ro WHERE ro.day BETWEEN CAST($2 AS DATE) AND CAST($3 AS DATE) AND ro.shop_id IN ($1) GROUP BY 1, 2 UNION ALL ' +
          `SELECT NULLIF(rb.source, '') AS "source", CAST(date_trunc('month', rb.day) AS DATE) AS "month", NULL AS "c0", count(DISTINCT rb.buyer_no) AS "c1", NULL AS "p0", NULL AS "p1" ` +
          'FROM rollup_buyers_daily rb WHERE rb.day BETWEEN CAST($2 AS DATE) AND CAST($3 AS DATE) AND rb.shop_id IN ($1) GROUP BY 1, 2 UNION ALL ' +
          `SELECT NULLIF(ro.source, '') AS "source", CAST(date_trunc('month', CAST(ro.day + to_months(12) AS DATE)) AS DATE) AS "month", NULL AS "c0", NULL AS "c1", sum(ro.paid_amount) AS "p0", NULL AS "p1" ` +
          'FROM rollup_orders_daily ro WHERE ro.day BETWEEN CAST($4 AS DATE) AND CAST($5 AS DATE) AND ro.shop_id IN ($1) GROUP BY 1, 2 UNION ALL ' +
          `SELECT NULLIF(rb.source, '') AS "source", CAST(date_trunc('month', CAST(rb.day + to_months(12) AS DATE)) AS DATE) AS "month", NULL AS "c0", NULL AS "c1", NULL AS "p0", count(DISTINCT rb.buyer_no) AS "p1" ` +
          'FROM rollup_buyers_daily rb WHERE rb.day BETWEEN CAST($4 AS DATE) AND CAST($5 AS DATE) AND rb.shop_id IN ($1) GROUP BY 1, 2' +
          ') q GROUP BY q."month", q."source" ORDER BY "month", "source"',
        params: ['tm1', '2024-01-01', '2024-03-31', '2023-01-01', '2023-03-31'],
      },
    },
  },
];

describe('golden SQL', () => {
  const catalog = loadCatalog();
  for (const g of goldens) {
    for (const [name, dialect] of Object.entries(dialects) as [DialectName, Dialect][]) {
      it(`${name}: ${g.name}`, () => {
        const r = compileMetricQuery(catalog, g.query, dialect, { ...(g.scope ? { scope: g.scope } : {}), ...(g.rollups === false ? { rollups: false } : {}) });
        assert.equal(r.sql, g.expected[name].sql);
        assert.deepEqual(r.params, g.expected[name].params);
      });
    }
  }

  it('a filter value is bound, never spliced, whatever it holds', () => {
    const evil = `x' OR '1'='1`;
    const r = compileMetricQuery(catalog, { metrics: ['paid_amount'], filters: { shop: evil } }, duckdbDialect);
    assert.ok(!r.sql.includes(evil));
    assert.deepEqual(r.params, [evil]);
  });
});
