/**
 * Products and customers: several sources describe the same SKU or buyer, each with some of
 * the fields, so they fill rather than replace (a missing value never blanks a stored one).
 * ERP rows are keyed by the seller's code (商家编码): where a platform SKU carries that code,
 * the ERP row fills that SKU's cost instead of adding a second product.
 */
import { customers, products } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import { mergeKeyed, upsertKeyed } from './keyed.js';
import { count, shopIn, type TableCounts } from './sql.js';

export async function mergeProducts(tx: Warehouse, shops: readonly string[]): Promise<TableCounts> {
  const match = `p.merchant_code = s.sku_id AND p.sku_id <> s.sku_id AND s.merchant_code = s.sku_id`;
  await tx.exec(`UPDATE products p SET unit_cost = s.unit_cost
    FROM (SELECT * FROM stg_products QUALIFY row_number() OVER (PARTITION BY shop_id, sku_id ORDER BY src_row DESC) = 1) s
    WHERE p.shop_id = s.shop_id AND ${match} AND s.unit_cost IS NOT NULL AND p.unit_cost IS DISTINCT FROM s.unit_cost`);
  const linked = await count(tx, `SELECT count(*) AS n FROM stg_products s WHERE EXISTS (SELECT 1 FROM products p WHERE p.shop_id = s.shop_id AND ${match})`);
  await tx.exec(`DELETE FROM stg_products s WHERE EXISTS (SELECT 1 FROM products p WHERE p.shop_id = s.shop_id AND ${match})`);
  const c = seenAgain(await upsertKeyed(tx, products, 'stg_products', 'fill', shops));
  return { ...c, staged: c.staged + linked, linked };
}

/**
 * A SKU or buyer on several rows of a file is one row seen again, not a duplicate: the counts
 * are of keys. (How many copies reach staging is the path's business: the JS path stages a
 * key once per window of 20,000 keys (stage/collector.ts), the DuckDB path once.)
 */
function seenAgain(c: TableCounts): TableCounts {
  return { ...c, staged: c.staged - c.duplicates, duplicates: 0 };
}

/**
 * Customers, and first_paid_at, which follows the orders: recomputed for the buyers whose
 * orders this run touched, when it inserted or updated any (`orders`). `orders.allNew`: the
 * run's shops held no order before it, so a buyer's orders are all in this run's diff.
 */
export async function mergeCustomers(tx: Warehouse, shops: readonly string[], orders?: { allNew: boolean }): Promise<TableCounts> {
  // When every customer is new, the first payment goes in with the row (no UPDATE pass).
  const derive = orders ? (rows: string) => `SELECT n.* REPLACE (CASE WHEN f.customer_id IS NULL THEN n.first_paid_at ELSE f.first_paid END AS first_paid_at)
    FROM (${rows}) n LEFT JOIN (${firstPaidSql(shops, orders.allNew)}) f ON f.shop_id = n.shop_id AND f.customer_id = n.customer_id` : undefined;
  const { allNew, ...counts } = await mergeKeyed(tx, customers, 'stg_customers', 'fill', shops, derive);
  if (orders && !allNew) await refreshFirstPaid(tx, shops, orders.allNew);
  return seenAgain(counts);
}

/** First payment of each buyer with an order in this run's diff (any action), over all their orders. */
function firstPaidSql(shops: readonly string[], ordersAllNew: boolean): string {
  if (ordersAllNew) {
    return `SELECT shop_id, customer_id, min(paid_at) AS first_paid FROM diff_orders WHERE customer_id IS NOT NULL GROUP BY ALL`;
  }
  return `SELECT o.shop_id, o.customer_id, min(o.paid_at) AS first_paid FROM orders o
    JOIN (SELECT DISTINCT shop_id, customer_id FROM diff_orders WHERE customer_id IS NOT NULL) d ON d.shop_id = o.shop_id AND d.customer_id = o.customer_id
    WHERE ${shopIn('o', shops)} GROUP BY ALL`;
}

async function refreshFirstPaid(tx: Warehouse, shops: readonly string[], ordersAllNew: boolean): Promise<void> {
  await tx.exec(`UPDATE customers c SET first_paid_at = f.first_paid FROM (${firstPaidSql(shops, ordersAllNew)}) f
    WHERE c.shop_id = f.shop_id AND c.customer_id = f.customer_id AND c.first_paid_at IS DISTINCT FROM f.first_paid`);
}
