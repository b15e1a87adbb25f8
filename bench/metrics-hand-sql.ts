/**
 * The benchmark's baseline: the overview and drill-down as an analyst would write them by hand
 * on the same tables (rollups for orders, lines and buyers; base tables for traffic, refunds
 * and ads). $1/$2 the month, $3/$4 the same month last year.
 */
const period = (a: string, b: string) => `
  (SELECT sum(paid_amount) FROM rollup_orders_daily WHERE day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS paid,
  (SELECT sum(paid_orders) FROM rollup_orders_daily WHERE day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS orders,
  (SELECT sum(gmv) FROM rollup_orders_created_daily WHERE day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS gmv,
  (SELECT count(DISTINCT buyer_no) FROM rollup_buyers_daily WHERE day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS buyers,
  (SELECT sum(visitors) FROM traffic_daily WHERE sku_id = '' AND day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS visitors,
  (SELECT sum(amount) FROM refunds WHERE status = 'success' AND finished_day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS refunded,
  (SELECT sum(cogs) FROM rollup_lines_daily WHERE day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS sold_cogs,
  (SELECT coalesce(sum(r.qty * coalesce(p.unit_cost, 0)), 0) FROM refunds r LEFT JOIN products p ON p.shop_id = r.shop_id AND p.sku_id = r.sku_id
     WHERE r.status = 'success' AND r.type = 'return_refund' AND r.finished_day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS returned_cogs,
  (SELECT sum(cost) FROM ad_spend_daily WHERE day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS ad_cost,
  (SELECT sum(attributed_gmv) FROM ad_spend_daily WHERE day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS ad_gmv`;

const metrics = (x: string) => `
  ${x}.gmv AS gmv${x === 'p' ? '_prev' : ''}, ${x}.paid AS paid_amount${x === 'p' ? '_prev' : ''}, ${x}.orders AS paid_orders${x === 'p' ? '_prev' : ''},
  ${x}.buyers AS paying_buyers${x === 'p' ? '_prev' : ''}, ${x}.paid / nullif(${x}.buyers, 0) AS aov${x === 'p' ? '_prev' : ''},
  ${x}.visitors AS visitors${x === 'p' ? '_prev' : ''}, ${x}.buyers / nullif(${x}.visitors, 0) AS conversion_rate${x === 'p' ? '_prev' : ''},
  ${x}.refunded AS refund_amount${x === 'p' ? '_prev' : ''}, ${x}.paid - ${x}.refunded AS net_sales${x === 'p' ? '_prev' : ''},
  ${x}.paid - ${x}.refunded - (${x}.sold_cogs - ${x}.returned_cogs) AS gross_profit${x === 'p' ? '_prev' : ''},
  ${x}.ad_cost AS ad_cost${x === 'p' ? '_prev' : ''}, ${x}.ad_gmv / nullif(${x}.ad_cost, 0) AS roi${x === 'p' ? '_prev' : ''}`;

export const handOverview = `SELECT ${metrics('c')}, ${metrics('p')} FROM (SELECT ${period('$1', '$2')}) c, (SELECT ${period('$3', '$4')}) p`;

/** Paid amount, orders and AOV by platform [→ shop [→ top category]] for $1 … $2. */
export function handDrill(depth: number): string {
  const keys = ['s.platform', 'o.shop_id', 'p.category_l1'].slice(0, depth);
  const names = ['platform', 'shop', 'category_l1'].slice(0, depth);
  const sel = keys.map((k, i) => `${k} AS ${names[i]}`).join(', ');
  const by = names.map((_, i) => i + 1).join(', ');
  if (depth < 3) {
    return `WITH o AS (SELECT ${sel.replace(/o\.shop_id/g, 'ro.shop_id')}, sum(ro.paid_amount) AS paid, sum(ro.paid_orders) AS orders FROM rollup_orders_daily ro JOIN shops s ON s.shop_id = ro.shop_id WHERE ro.day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) GROUP BY ${by}),
      b AS (SELECT ${sel.replace(/o\.shop_id/g, 'rb.shop_id')}, count(DISTINCT rb.buyer_no) AS buyers FROM rollup_buyers_daily rb JOIN shops s ON s.shop_id = rb.shop_id WHERE rb.day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) GROUP BY ${by})
      SELECT o.*, o.paid / nullif(b.buyers, 0) AS aov FROM o JOIN b USING (${names.join(', ')}) ORDER BY ${by}`;
  }
  // by category the order measures come from lines: orders and buyers counted distinct per category
  return `SELECT s.platform, l.shop_id AS shop, p.category_l1, sum(l.paid_amount) AS paid, count(DISTINCT l.order_id) AS orders,
      sum(l.paid_amount) / nullif(count(DISTINCT coalesce(o.customer_id, 'order:' || o.order_id)), 0) AS aov
    FROM order_lines l JOIN orders o ON o.shop_id = l.shop_id AND o.order_id = l.order_id JOIN shops s ON s.shop_id = l.shop_id
    LEFT JOIN products p ON p.shop_id = l.shop_id AND p.sku_id = l.sku_id
    WHERE l.paid_day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
}
