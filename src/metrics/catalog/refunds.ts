import { metric } from './define.js';

const SUCCESS = `status = 'success'`;

export const refundMetrics = [
  metric('refund_amount', ['退款金额', 'refund amount'], 'tactical', ['退款成功的金额之和,按退款完结日归期', 'sum of successful refund amounts, by the day the refund finished'],
    'money', 'lower_better', { measure: { fact: 'refunds', agg: 'sum', sql: 'amount', filter: SUCCESS } }),
  metric('refund_rate', ['退款率', 'refund rate'], 'tactical', ['退款金额 / 支付金额', 'refund_amount / paid_amount'], 'ratio', 'lower_better', { expr: '{refund_amount} / {paid_amount}' }),
  metric('returned_units', ['退货件数', 'returned units'], 'execution', ['退货退款成功的件数', 'units of successful return-and-refund cases'],
    'count', 'lower_better', { hidden: true, measure: { fact: 'refunds', agg: 'sum', sql: 'qty', filter: `${SUCCESS} AND type = 'return_refund'` } }),
  metric('return_rate', ['退货率', 'return rate'], 'execution', ['退货件数 / 支付件数', 'returned units (return + refund) / paid units'], 'ratio', 'lower_better', { expr: '{returned_units} / {paid_units}' }),
];
