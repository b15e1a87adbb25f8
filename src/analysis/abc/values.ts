/**
 * Per-entity value for ABC: paid amount, units sold or gross profit (METRICS.md: net sales − unit cost ×
 * net units) of SKUs, categories (leaf) or customers. Sales by paid_day, refunds by
 * finished_day with status 'success', as the catalog counts them.
 */
import { Params, type ShopScope } from '../sql.js';

type By = 'sku' | 'category' | 'customer';

const KEY: Record<By, { entity: string; label: string }> = {
  sku: { entity: 'l.sku_id', label: 'pr.title' },
  category: { entity: "coalesce(pr.category_l3, '(unknown)')", label: 'pr.category_l1' },
  customer: { entity: 'o.customer_id', label: 'NULL' },
};

/** SELECT shop_id, entity, label, value (fen), units, missing_cost. */
export type Measure = 'paid_amount' | 'gross_profit' | 'units';

export function entityValuesSql(p: Params, by: By, measure: Measure, scope: ShopScope | undefined, from?: string, to?: string): string {
  const k = KEY[by];
  const cost = 'coalesce(pr.unit_cost, 0)';
  // a function: its parameters are numbered only when its SQL is used
  const sales = () => `SELECT l.shop_id, ${k.entity} AS entity, ${by === 'customer' ? 'NULL' : k.label} AS label,
      ${measure === 'units' ? 'l.qty' : `l.paid_amount ${measure === 'gross_profit' ? `- ${cost} * l.qty` : ''}`} AS value, l.qty AS units,
      CASE WHEN pr.unit_cost IS NULL THEN 1 ELSE 0 END AS missing_cost
    FROM order_lines l LEFT JOIN products pr ON pr.shop_id = l.shop_id AND pr.sku_id = l.sku_id
    ${by === 'customer' ? 'JOIN orders o ON o.shop_id = l.shop_id AND o.order_id = l.order_id' : ''}
    WHERE l.paid_day IS NOT NULL AND ${p.scope(scope, 'l.shop_id')} AND ${p.days('l.paid_day', from, to)}
      ${by === 'customer' ? 'AND o.customer_id IS NOT NULL' : ''}`;
  // Customers by paid amount come straight from orders (lines may be missing for some sources).
  const source = by === 'customer' && measure === 'paid_amount'
    ? `SELECT shop_id, customer_id AS entity, NULL AS label, paid_amount AS value, item_count AS units, 0 AS missing_cost FROM orders
        WHERE paid_day IS NOT NULL AND customer_id IS NOT NULL AND ${p.scope(scope)} AND ${p.days('paid_day', from, to)}`
    : measure === 'gross_profit'
      ? `${sales()} UNION ALL ${refundsSql(p, by, scope, from, to)}`
      : sales();
  return `SELECT shop_id, entity, max(label) AS label, sum(value) AS value, sum(units) AS units, sum(missing_cost) AS missing_cost
    FROM (${source}) s GROUP BY shop_id, entity`;
}

/** Refunds as negative value: amount back, cost of returned units back in stock. */
function refundsSql(p: Params, by: By, scope: ShopScope | undefined, from?: string, to?: string): string {
  const k = KEY[by];
  const entity = by === 'sku' ? 'r.sku_id' : k.entity;
  return `SELECT r.shop_id, ${entity} AS entity, ${by === 'customer' ? 'NULL' : k.label} AS label,
      -(r.amount - coalesce(pr.unit_cost, 0) * r.qty) AS value, -r.qty AS units, 0 AS missing_cost
    FROM refunds r LEFT JOIN products pr ON pr.shop_id = r.shop_id AND pr.sku_id = r.sku_id
    ${by === 'customer' ? 'JOIN orders o ON o.shop_id = r.shop_id AND o.order_id = r.order_id' : ''}
    WHERE r.status = 'success' AND r.finished_day IS NOT NULL AND ${p.scope(scope, 'r.shop_id')} AND ${p.days('r.finished_day', from, to)}
      ${by === 'customer' ? 'AND o.customer_id IS NOT NULL' : 'AND r.sku_id IS NOT NULL'}`;
}
