/**
 * Every source format ShopLens reads. `shoplens sources` prints this list; detection picks the
 * format whose signature columns the header holds, preferring the one that maps most columns.
 */
import { mapHeader } from './header-map.js';
import type { SourceFormat } from './types.js';
import { taobaoOrders } from './taobao-orders/index.js';
import { taobaoItems } from './taobao-items/index.js';
import { qianniuItems } from './qianniu-items/index.js';
import { taobaoRefunds } from './taobao-refunds/index.js';
import { jdOrders } from './jd-orders/index.js';
import { pddOrders } from './pdd-orders/index.js';
import { douyinOrders } from './douyin-orders/index.js';
import { douyinAftersales } from './douyin-aftersales/index.js';
import { wdtOrders } from './wdt-orders/index.js';
import { jstOrders } from './jst-orders/index.js';
import { erpProducts } from './erp-products/index.js';
import { erpInventory } from './erp-inventory/index.js';
import { adReport } from './ad-report/index.js';
import { trafficReport } from './traffic-report/index.js';
import { settlementReport } from './settlement-report/index.js';
import { expenseReport } from './expense-report/index.js';
import { liveReport } from './live-report/index.js';
import { csReport } from './cs-report/index.js';
import { purchaseReport } from './purchase-report/index.js';

export const sourceFormats: readonly SourceFormat[] = [
  taobaoOrders, taobaoItems, qianniuItems, taobaoRefunds, jdOrders, pddOrders, douyinOrders, douyinAftersales,
  wdtOrders, jstOrders, erpProducts, erpInventory, adReport, trafficReport, settlementReport, expenseReport, liveReport, csReport, purchaseReport,
] as unknown as SourceFormat[];

export function findSource(id: string): SourceFormat | undefined {
  return sourceFormats.find((s) => s.id === id);
}

/** The format a header belongs to, or undefined. */
export function detectSource(header: readonly string[]): SourceFormat | undefined {
  let best: SourceFormat | undefined;
  let bestScore = 0;
  for (const s of sourceFormats) {
    const map = mapHeader(header, s.columns);
    if (!s.signature.every((f) => map.has(f))) continue;
    if (map.size > bestScore) { best = s; bestScore = map.size; }
  }
  return best;
}
