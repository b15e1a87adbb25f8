/**
 * Staging copies of the canonical tables, one per run, TEMP so they vanish with the
 * transaction's connection. Each adds `src_row` (the spreadsheet row, newest row wins inside
 * a file) and what the merge needs to know about the row.
 */
import { bool, int, str, type TableDef } from '../../model/index.js';
import {
  adSpendDaily, csSessions, customers, expenses, inventoryDaily, liveSessions, orderLines, orders, products, purchases, refunds, settlements, trafficDaily,
} from '../../model/index.js';

const srcRow = int('row of the source file');

function staged<T extends TableDef>(base: T, name: string, extra: Record<string, ReturnType<typeof str> | ReturnType<typeof int> | ReturnType<typeof bool>> = {}) {
  return { ...base, name, columns: { ...base.columns, ...extra, src_row: srcRow } } as TableDef;
}

export const stageTables = {
  orders: staged(orders, 'stg_orders', {
    frag_id: str('fragment: sub-order id whose amounts add up, or empty text when amounts repeat per row'),
  }),
  order_lines: staged(orderLines, 'stg_order_lines', {
    paid_known: bool('the source gives this line’s paid share; false: allocate from the order'),
  }),
  refunds: staged(refunds, 'stg_refunds', {
    derived: bool('inferred from an order export’s 售后状态 (no refund date in the source)'),
  }),
  customers: staged(customers, 'stg_customers'),
  products: staged(products, 'stg_products'),
  traffic_daily: staged(trafficDaily, 'stg_traffic_daily'),
  ad_spend_daily: staged(adSpendDaily, 'stg_ad_spend_daily'),
  inventory_daily: staged(inventoryDaily, 'stg_inventory_daily'),
  settlements: staged(settlements, 'stg_settlements'),
  expenses: staged(expenses, 'stg_expenses'),
  live_sessions: staged(liveSessions, 'stg_live_sessions'),
  cs_sessions: staged(csSessions, 'stg_cs_sessions'),
  purchases: staged(purchases, 'stg_purchases'),
} as const;

export type StageName = keyof typeof stageTables;
export const stageNames = Object.keys(stageTables) as StageName[];
