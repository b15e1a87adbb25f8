import { metric, PAID } from './define.js';

export const profitMetrics = [
  metric('net_sales', ['净销售额', 'net sales'], 'strategic', ['支付金额 − 退款金额', 'paid_amount − refund_amount'], 'money', 'higher_better', {
    expr: '{paid_amount} - {refund_amount}',
    drivers: { kind: 'sum', terms: [{ metric: 'paid_amount' }, { metric: 'refund_amount', sign: -1 }] },
  }),
  metric('sold_cogs', ['销售成本(发出)', 'cost of goods shipped'], 'execution', ['支付件数 × 单位成本', 'paid units × unit cost'],
    'money', 'lower_better', { hidden: true, measure: [{ fact: 'lines_daily', agg: 'sum', sql: 'cogs' }, { fact: 'lines', agg: 'sum', sql: 'qty * unit_cost', filter: PAID }] }),
  metric('returned_cogs', ['退回商品成本', 'cost of goods returned'], 'execution', ['退货件数 × 单位成本', 'returned units × unit cost'],
    'money', 'neutral', { hidden: true, measure: { fact: 'refunds', agg: 'sum', sql: 'qty * unit_cost', filter: `status = 'success' AND type = 'return_refund'` } }),
  metric('cogs', ['销售成本', 'cost of goods sold (COGS)'], 'tactical', ['单位成本 × 净件数(支付件数 − 退货件数)', 'unit cost × net units (paid units − returned units)'],
    'money', 'lower_better', { expr: '{sold_cogs} - {returned_cogs}' }),
  metric('gross_profit', ['毛利', 'gross profit'], 'strategic', ['净销售额 − 销售成本', 'net_sales − cost of goods sold (unit cost × net units)'], 'money', 'higher_better', {
    expr: '{net_sales} - {cogs}',
    drivers: { kind: 'sum', terms: [{ metric: 'net_sales' }, { metric: 'cogs', sign: -1 }] },
  }),
  metric('gross_margin', ['毛利率', 'gross margin'], 'tactical', ['毛利 / 净销售额', 'gross_profit / net_sales'], 'ratio', 'higher_better', { expr: '{gross_profit} / {net_sales}' }),
  metric('expense_amount', ['费用', 'expenses'], 'tactical', ['佣金、运费、包装、营销、人工及其他费用之和', 'commission, shipping, packaging, marketing, labour and other expenses'],
    'money', 'lower_better', { measure: { fact: 'expenses', agg: 'sum', sql: 'amount' } }),
  metric('net_profit', ['净利润', 'net profit'], 'strategic', ['毛利 − 费用(佣金、运费、包装、营销、人工、其他)', 'gross_profit − expenses (commission, shipping, packaging, marketing, labour, other)'], 'money', 'higher_better', {
    expr: '{gross_profit} - {expense_amount}',
    drivers: { kind: 'sum', terms: [{ metric: 'net_sales' }, { metric: 'cogs', sign: -1 }, { metric: 'expense_amount', sign: -1 }] },
  }),
  metric('settled_amount', ['回款金额', 'settled amount'], 'execution', ['本期订单的平台回款金额', 'platform payout of the period’s orders'],
    'money', 'higher_better', { hidden: true, measure: { fact: 'settlements', agg: 'sum', sql: 'amount' } }),
  metric('period_orders_refunded', ['本期订单退款额', 'refunds of the period’s orders'], 'execution', ['按原订单支付日归期的成功退款金额', 'successful refunds dated by their order’s paid day'],
    'money', 'lower_better', { hidden: true, measure: { fact: 'refunds', agg: 'sum', sql: 'amount', filter: `status = 'success'`, time: 'order_paid' } }),
  metric('settlement_rate', ['回款率', 'settlement rate'], 'tactical', ['回款金额 / (支付金额 − 已退款),均按本期订单', 'settled amount / (paid − refunded) for the period’s orders'],
    'ratio', 'higher_better', { expr: '{settled_amount} / ({paid_amount} - {period_orders_refunded})' }),
];
