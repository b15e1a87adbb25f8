/**
 * Reconciliation of platform orders, settlements (platform payouts) and ERP copies:
 *  - paid orders not settled N days after payment (net of successful refunds, still owed);
 *  - settlements whose payout + fee differs from paid − refunded;
 *  - settlements of orders the store does not hold (an order export missing);
 *  - orders only an ERP export knows (no platform export carried them: import_order_origins);
 *  - platform orders no ERP import has seen (order_status_history rows of ERP runs), when the
 *    store holds ERP imports at all.
 */
import { z } from 'zod';
import type { Warehouse } from '../../warehouse/index.js';
import { count, money, type AnalysisResult } from '../result.js';
import { Params, type ScopeOption } from '../sql.js';
import { stripScope } from '../rfm/rfm.js';
import { dayText } from '../period.js';

export const reconcileOptions = z.object({
  settleDays: z.number().int().min(0).default(15),
  /** default: the last paid day in scope */
  asOf: dayText.optional(),
  from: dayText.optional(),
  limit: z.number().int().positive().default(500),
}).strict();
export type ReconcileOptions = z.input<typeof reconcileOptions> & ScopeOption;

export async function reconcileAnalysis(wh: Warehouse, options: ReconcileOptions = {}): Promise<AnalysisResult> {
  const o = reconcileOptions.parse(stripScope(options));
  const d = wh.dialect;
  const scope = options.scope;
  const p0 = new Params(wh);
  const asOf = o.asOf ?? ((await wh.query(`SELECT max(paid_day) AS d FROM orders WHERE ${p0.scope(scope)}`, p0.values))[0]?.d as string | null) ?? '1970-01-01';
  // Orders with what the seller is owed: paid minus successful refunds.
  const owed = (p: Params) => `SELECT o.shop_id, o.order_id, o.paid_day, o.paid_amount, coalesce(r.refunded, 0) AS refunded, o.paid_amount - coalesce(r.refunded, 0) AS due
    FROM orders o LEFT JOIN (SELECT shop_id, order_id, sum(amount) AS refunded FROM refunds WHERE status = 'success' AND ${p.scope(scope)} GROUP BY shop_id, order_id) r
      ON r.shop_id = o.shop_id AND r.order_id = o.order_id
    WHERE o.paid_day IS NOT NULL AND ${p.scope(scope, 'o.shop_id')} AND ${p.days('o.paid_day', o.from, undefined)}`;
  const pb = new Params(wh);
  // Without any bill every paid order would read "not settled": say that it cannot be checked, as for the ERP.
  const [bills] = await wh.query(`SELECT count(*) AS n FROM settlements WHERE ${pb.scope(scope)}`, pb.values);
  const hasBills = count(bills?.n) > 0;
  const p1 = new Params(wh);
  const cutoff = p1.add(asOf);
  const unsettled = !hasBills ? [] : await wh.query(`SELECT w.shop_id, w.order_id, w.paid_day, w.due, ${d.daysBetween('w.paid_day', `CAST(${cutoff} AS DATE)`)} AS days
    FROM (${owed(p1)}) w LEFT JOIN (SELECT shop_id, order_id FROM settlements WHERE ${p1.scope(scope)}) s ON s.shop_id = w.shop_id AND s.order_id = w.order_id
    WHERE s.order_id IS NULL AND w.due > 0 AND ${d.daysBetween('w.paid_day', `CAST(${cutoff} AS DATE)`)} > ${o.settleDays}
    ORDER BY w.paid_day, w.shop_id, w.order_id`, p1.values);
  const p2 = new Params(wh);
  const differ = await wh.query(`SELECT w.shop_id, w.order_id, w.due, s.amount, s.fee, s.amount + s.fee - w.due AS diff
    FROM (${owed(p2)}) w JOIN (SELECT shop_id, order_id, sum(amount) AS amount, sum(fee) AS fee FROM settlements WHERE ${p2.scope(scope)} GROUP BY shop_id, order_id) s
      ON s.shop_id = w.shop_id AND s.order_id = w.order_id
    WHERE s.amount + s.fee <> w.due ORDER BY abs(s.amount + s.fee - w.due) DESC, w.shop_id, w.order_id`, p2.values);
  const p3 = new Params(wh);
  const erpOnly = await wh.query(`SELECT g.shop_id, g.order_id, g.source FROM import_order_origins g
    WHERE g.role = 'erp' AND ${p3.scope(scope, 'g.shop_id')} ORDER BY g.shop_id, g.order_id`, p3.values);
  const p4 = new Params(wh);
  // ERP formats are the ones that ever owned an order as 'erp'; their runs' sightings are in the history.
  const erpRuns = `SELECT run_id FROM import_runs WHERE source IN (SELECT DISTINCT source FROM import_order_origins WHERE role = 'erp')`;
  const [hasErp] = await wh.query(`SELECT count(*) AS n FROM (${erpRuns}) x`);
  const platformOnly = count(hasErp?.n) === 0 ? [] : await wh.query(`SELECT g.shop_id, g.order_id, g.source FROM import_order_origins g
    LEFT JOIN (SELECT DISTINCT shop_id, order_id FROM order_status_history WHERE run_id IN (${erpRuns})) h ON h.shop_id = g.shop_id AND h.order_id = g.order_id
    WHERE g.role = 'platform' AND h.order_id IS NULL AND ${p4.scope(scope, 'g.shop_id')} ORDER BY g.shop_id, g.order_id`, p4.values);
  const p5 = new Params(wh);
  // A payout for an order the store does not hold: an order export is missing, or the bill is another shop's.
  const orphans = await wh.query(`SELECT s.shop_id, s.order_id, s.settled_day, s.amount, s.fee FROM settlements s
    LEFT JOIN (SELECT shop_id, order_id FROM orders WHERE ${p5.scope(scope)}) o ON o.shop_id = s.shop_id AND o.order_id = s.order_id
    WHERE o.order_id IS NULL AND ${p5.scope(scope, 's.shop_id')} AND ${p5.days('s.settled_day', o.from, undefined)}
    ORDER BY s.settled_day, s.shop_id, s.order_id`, p5.values);
  const sumFen = (rows: Record<string, unknown>[], c: string) => money(rows.reduce((a, r) => a + BigInt(r[c] as bigint), 0n));
  const cap = <T>(rows: T[]) => rows.slice(0, o.limit);
  return {
    analysis: 'reconcile', title: { zh: '对账:订单、回款与 ERP', en: 'reconciliation: orders, settlements and ERP' },
    metrics: ['paid_amount', 'refund_amount', 'settled_amount', 'settlement_rate'],
    summary: {
      as_of: asOf, settle_days: o.settleDays, unsettled_orders: unsettled.length, unsettled_amount: sumFen(unsettled, 'due'),
      amount_mismatches: differ.length, mismatch_amount: sumFen(differ, 'diff'), erp_only_orders: erpOnly.length, missing_in_erp_orders: platformOnly.length,
      settled_without_order: orphans.length,
    },
    tables: {
      unsettled: { title: { zh: `付款超过 ${o.settleDays} 天仍未回款`, en: `paid, not settled after ${o.settleDays} days` },
        rows: cap(unsettled).map((r) => ({ shop_id: r.shop_id as string, order_id: r.order_id as string, paid_day: r.paid_day as string, due: money(r.due), days: count(r.days) })) },
      mismatches: { title: { zh: '回款金额不符(回款 + 扣费 ≠ 实付 − 退款)', en: 'settlement differs (payout + fee ≠ paid − refunded)' },
        rows: cap(differ).map((r) => ({ shop_id: r.shop_id as string, order_id: r.order_id as string, due: money(r.due), settled: money(r.amount), fee: money(r.fee), difference: money(r.diff) })) },
      settled_without_order: { title: { zh: '有回款但库中没有的订单(缺订单导出?)', en: 'settled orders the store does not hold (an order export missing?)' },
        rows: cap(orphans).map((r) => ({ shop_id: r.shop_id as string, order_id: r.order_id as string, settled_day: r.settled_day as string, settled: money(r.amount), fee: money(r.fee) })) },
      erp_only: { title: { zh: 'ERP 有而平台导出没有的订单', en: 'orders in the ERP but in no platform export' },
        rows: cap(erpOnly).map((r) => ({ shop_id: r.shop_id as string, order_id: r.order_id as string, source: r.source as string })) },
      missing_in_erp: { title: { zh: '平台有而 ERP 没有的订单', en: 'platform orders no ERP import has seen' },
        rows: cap(platformOnly).map((r) => ({ shop_id: r.shop_id as string, order_id: r.order_id as string, source: r.source as string })) },
    },
    notes: [
      ...(hasBills ? [] : [{ zh: '库中没有结算明细(回款账单):导入后才能核对订单是否回款', en: 'no settlement bills in the store: import them to check which orders were paid out' }]),
      ...(count(hasErp?.n) === 0 ? [{ zh: '库中没有 ERP 导入,无法核对平台订单是否进入 ERP', en: 'no ERP imports in the store: platform orders cannot be checked against the ERP' }] : []),
    ],
  };
}
