/**
 * P&L by shop, month or SKU with the catalog's definitions: paid_amount (orders by paid_day;
 * lines for SKUs) → refund_amount (successful, by finished_day) → net_sales → cogs (unit cost
 * × paid units − unit cost × returned units of return-refunds) → gross_profit → expenses by
 * kind → net_profit. Expenses are kept per shop and day, so a SKU P&L stops at gross profit.
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { expenseKinds } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import { AnalysisErrors as E } from '../errors.js';
import { money, ratio, type AnalysisResult, type Row } from '../result.js';
import { Params, type ScopeOption } from '../sql.js';
import { stripScope } from '../rfm/rfm.js';
import { dayText } from '../period.js';

export const pnlOptions = z.object({
  by: z.enum(['shop', 'month', 'sku']).default('shop'),
  from: dayText.optional(),
  to: dayText.optional(),
}).strict();
export type PnlOptions = z.input<typeof pnlOptions> & ScopeOption;

export async function pnlAnalysis(wh: Warehouse, options: PnlOptions = {}): Promise<AnalysisResult> {
  const o = pnlOptions.parse(stripScope(options));
  const p = new Params(wh);
  const d = wh.dialect;
  const key = (shopCol: string, dayCol: string, skuCol: string) =>
    o.by === 'shop' ? shopCol : o.by === 'month' ? `CAST(${d.monthStart(dayCol)} AS VARCHAR)` : `coalesce(${skuCol}, '(order level)')`;
  const zero = (n: number) => Array.from({ length: n }, () => '0').join(', ');
  const kinds = expenseKinds;
  const sales = o.by === 'sku'
    ? `SELECT l.shop_id, ${key('l.shop_id', 'l.paid_day', 'l.sku_id')} AS g, l.paid_amount AS paid, 0 AS refund, l.qty * coalesce(pr.unit_cost, 0) AS cogs, ${zero(kinds.length)}
        FROM order_lines l LEFT JOIN products pr ON pr.shop_id = l.shop_id AND pr.sku_id = l.sku_id
        WHERE l.paid_day IS NOT NULL AND ${p.scope(options.scope, 'l.shop_id')} AND ${p.days('l.paid_day', o.from, o.to)}`
    : `SELECT o.shop_id, ${key('o.shop_id', 'o.paid_day', 'NULL')} AS g, o.paid_amount, 0, 0, ${zero(kinds.length)}
        FROM orders o WHERE o.paid_day IS NOT NULL AND ${p.scope(options.scope, 'o.shop_id')} AND ${p.days('o.paid_day', o.from, o.to)}
      UNION ALL SELECT l.shop_id, ${key('l.shop_id', 'l.paid_day', 'NULL')}, 0, 0, l.qty * coalesce(pr.unit_cost, 0), ${zero(kinds.length)}
        FROM order_lines l LEFT JOIN products pr ON pr.shop_id = l.shop_id AND pr.sku_id = l.sku_id
        WHERE l.paid_day IS NOT NULL AND ${p.scope(options.scope, 'l.shop_id')} AND ${p.days('l.paid_day', o.from, o.to)}`;
  const refunds = `SELECT r.shop_id, ${key('r.shop_id', 'r.finished_day', 'r.sku_id')}, 0, r.amount,
      CASE WHEN r.type = 'return_refund' THEN -r.qty * coalesce(pr.unit_cost, 0) ELSE 0 END, ${zero(kinds.length)}
    FROM refunds r LEFT JOIN products pr ON pr.shop_id = r.shop_id AND pr.sku_id = r.sku_id
    WHERE r.status = 'success' AND r.finished_day IS NOT NULL AND ${p.scope(options.scope, 'r.shop_id')} AND ${p.days('r.finished_day', o.from, o.to)}`;
  const expenses = o.by === 'sku' ? '' : `UNION ALL SELECT e.shop_id, ${key('e.shop_id', 'e.day', 'NULL')}, 0, 0, 0,
      ${kinds.map((k) => `CASE WHEN e.kind = '${k}' THEN e.amount ELSE 0 END`).join(', ')}
    FROM expenses e WHERE ${p.scope(options.scope, 'e.shop_id')} AND ${p.days('e.day', o.from, o.to)}`;
  const cols = ['paid', 'refund', 'cogs', ...kinds];
  const rows = await wh.query(`SELECT g, ${cols.map((c, i) => `sum(c${i}) AS ${c}`).join(', ')}
    FROM (SELECT shop_id, g, ${cols.map((_, i) => `c${i}`).join(', ')} FROM (${sales} UNION ALL ${refunds} ${expenses}) u(shop_id, g, ${cols.map((_, i) => `c${i}`).join(', ')})) x
    GROUP BY g ORDER BY g`, p.values);
  if (rows.length === 0) fail(E.ANALYSIS_NO_DATA, { name: 'pnl', what: 'no sales, refunds or expenses in scope / 范围内没有销售、退款或费用' });
  const out: Row[] = rows.map((r) => {
    const v = (c: string) => BigInt((r[c] as bigint | null) ?? 0n);
    const net = v('paid') - v('refund');
    const gross = net - v('cogs');
    const exp = kinds.reduce((a, k) => a + v(k), 0n);
    return {
      [o.by]: r.g as string, paid_amount: money(v('paid')), refund_amount: money(v('refund')), net_sales: money(net), cogs: money(v('cogs')),
      gross_profit: money(gross), gross_margin: net === 0n ? null : ratio(Number(gross) / Number(net)),
      ...(o.by === 'sku' ? {} : { ...Object.fromEntries(kinds.map((k) => [k, money(v(k))])), expense_amount: money(exp), net_profit: money(gross - exp) }),
    };
  });
  return {
    analysis: 'pnl', title: { zh: '损益表', en: 'profit and loss' },
    metrics: ['paid_amount', 'refund_amount', 'net_sales', 'cogs', 'gross_profit', 'gross_margin', 'expense_amount', 'net_profit'],
    summary: { by: o.by, rows: out.length },
    tables: { pnl: { title: { zh: '损益表', en: 'P&L' }, rows: out } },
    notes: o.by === 'sku' ? [{ zh: '费用按店铺和日期记录,无法分摊到 SKU:SKU 损益止于毛利', en: 'expenses are per shop and day and cannot be split by SKU: the SKU P&L stops at gross profit' }] : [],
  };
}
