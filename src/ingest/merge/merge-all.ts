/** The merge of one run, in dependency order, inside the run's transaction. */
import { adSpendDaily, inventoryDaily, trafficDaily } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import type { SourceRole } from '../sources/types.js';
import type { StageName } from '../stage/staging-tables.js';
import { upsertKeyed } from './keyed.js';
import { LINE_KEY, mergeLines, reallocateTouched, syncAmountsFromLines } from './lines.js';
import { mergeCustomers, mergeProducts } from './masters.js';
import { mergeOrders } from './orders.js';
import { mergeRefunds } from './refunds.js';
import { stagedKeys, type TableCounts } from './sql.js';

export interface MergeInput {
  runId: string;
  source: string;
  role: SourceRole;
  amountsFromLines: boolean;
  orderPerLine: boolean;
  seenAt: Date;
  staged: Record<StageName, number>;
  /** every shop the run's rows name: statements read only these shops' stored rows */
  shops: readonly string[];
}

export async function mergeAll(tx: Warehouse, m: MergeInput): Promise<TableCounts[]> {
  const out: TableCounts[] = [];
  const has = (t: StageName) => m.staged[t] > 0;
  const lines = has('order_lines') ? await stagedKeys(tx, 'stg_order_lines', LINE_KEY) : undefined;
  const merged = has('orders') ? await mergeOrders(tx, { ...m, ...(lines ? { withLines: { unique: lines.keys === lines.staged } } : {}) }) : undefined;
  let orders: TableCounts | undefined;
  if (merged) {
    const { allNew: _, ...counts } = merged;
    out.push((orders = counts));
  }
  if (lines) out.push(await mergeLines(tx, m.role, has('orders'), m.source, m.runId, m.shops, lines));
  // Without lines in this run, inserted orders may have lines stored by an earlier run.
  if (orders && (orders.updated > 0 || (orders.inserted > 0 && !has('order_lines')))) await reallocateTouched(tx, m.shops);
  if (has('order_lines') && m.amountsFromLines) await syncAmountsFromLines(tx, m.shops);
  if (has('refunds')) out.push(await mergeRefunds(tx, m.shops));
  if (has('customers')) out.push(await mergeCustomers(tx, m.shops, merged && merged.inserted + merged.updated > 0 ? { allNew: merged.allNew } : undefined));
  if (has('products')) out.push(await mergeProducts(tx, m.shops));
  if (has('traffic_daily')) out.push(await upsertKeyed(tx, trafficDaily, 'stg_traffic_daily', 'replace', m.shops));
  if (has('ad_spend_daily')) out.push(await upsertKeyed(tx, adSpendDaily, 'stg_ad_spend_daily', 'replace', m.shops));
  if (has('inventory_daily')) out.push(await upsertKeyed(tx, inventoryDaily, 'stg_inventory_daily', 'replace', m.shops));
  return out;
}
