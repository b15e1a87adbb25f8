import { metric } from './define.js';

export const serviceMetrics = [
  metric('cs_sessions', ['咨询会话数', 'service sessions'], 'execution', ['客服会话数', 'customer-service sessions'], 'count', 'neutral', { measure: { fact: 'cs', agg: 'count' } }),
  metric('cs_response_total', ['首响时长合计', 'total first-response seconds'], 'execution', ['会话首次响应秒数之和', 'sum of first-response seconds'],
    'seconds', 'lower_better', { hidden: true, measure: { fact: 'cs', agg: 'sum', sql: 'first_response_s' } }),
  metric('cs_first_response_s', ['客服首响时长', 'first response time'], 'execution', ['客服会话首次响应的平均秒数', 'mean first-response seconds of customer-service sessions'],
    'seconds', 'lower_better', { expr: '{cs_response_total} / {cs_sessions}' }),
  metric('cs_customers', ['咨询人数', 'consulting customers'], 'execution', ['去重咨询顾客数', 'distinct consulting customers'],
    'count', 'neutral', { hidden: true, measure: { fact: 'cs', agg: 'count_distinct', sql: 'customer' } }),
  metric('cs_converted_customers', ['询单成交人数', 'consulting customers who paid'], 'execution', ['咨询后 24 小时内支付的顾客数', 'consulting customers who paid within 24 h'],
    'count', 'higher_better', { hidden: true, measure: { fact: 'cs', agg: 'count_distinct', sql: 'customer', filter: 'converted_order_id IS NOT NULL' } }),
  metric('inquiry_conversion_rate', ['询单转化率', 'inquiry conversion rate'], 'execution', ['咨询后 24 小时内支付的顾客 / 咨询顾客', 'consulting customers who pay within 24 h / consulting customers'],
    'ratio', 'higher_better', { expr: '{cs_converted_customers} / {cs_customers}' }),
];
