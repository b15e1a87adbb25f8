/**
 * Settlements (platform payouts) and expenses. A bill lists an order on several rows (the
 * payment, then the service fee withheld) and an expense sheet several bills of one kind on
 * one day: within a file they add up, so each key is merged as the sum of its rows. A later
 * file then replaces the keys it lists (newest wins), and the same file again changes nothing.
 */
import { expenses, settlements } from '../../model/index.js';
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
