/**
 * Settlements (platform payouts), expenses and purchase receipts. A bill lists an order on
 * several rows (the payment, then the service fee withheld), an expense sheet several bills of
 * one kind on one day, a receipt a SKU twice in one order: within a file they add up, so each
 * key is merged as the sum of its rows. A later file then replaces the keys it lists (newest
 * wins), and the same file again changes nothing.
 */
import { expenses, purchases, settlements } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import { upsertKeyed } from './keyed.js';
import type { TableCounts } from './sql.js';

export async function mergeSettlements(tx: Warehouse, shops: readonly string[]): Promise<TableCounts> {
  await tx.exec(`CREATE TEMP VIEW sum_settlements AS
    SELECT shop_id, order_id, max(settled_at) AS settled_at, arg_max(settled_day, settled_at) AS settled_day,
      sum(amount) AS amount, sum(fee) AS fee, max(src_row) AS src_row
    FROM stg_settlements GROUP BY shop_id, order_id`);
  return upsertKeyed(tx, settlements, 'sum_settlements', 'replace', shops);
}

export async function mergeExpenses(tx: Warehouse, shops: readonly string[]): Promise<TableCounts> {
  await tx.exec(`CREATE TEMP VIEW sum_expenses AS
    SELECT shop_id, day, kind, sum(amount) AS amount, max(src_row) AS src_row FROM stg_expenses GROUP BY shop_id, day, kind`);
  return upsertKeyed(tx, expenses, 'sum_expenses', 'replace', shops);
}

export async function mergePurchases(tx: Warehouse, shops: readonly string[]): Promise<TableCounts> {
  await tx.exec(`CREATE TEMP VIEW sum_purchases AS
    SELECT purchase_id, shop_id, any_value(sku_id) AS sku_id, any_value(warehouse) AS warehouse, CAST(sum(qty) AS INTEGER) AS qty, sum(cost) AS cost,
      min(ordered_at) AS ordered_at, max(arrived_at) AS arrived_at, arg_max(arrived_day, arrived_at) AS arrived_day, max(src_row) AS src_row
    FROM stg_purchases GROUP BY purchase_id, shop_id`);
  return upsertKeyed(tx, purchases, 'sum_purchases', 'replace', shops);
}
