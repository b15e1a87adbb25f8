import { metric, PAID } from './define.js';

export const customerMetrics = [
  metric('new_buyers', ['新客数', 'new buyers'], 'tactical', ['首次支付订单在本期的买家数(同一店铺内)', 'paying buyers whose first paid order (in the same shop) is in the period'],
    'count', 'higher_better', { measure: [{ fact: 'buyer_keys', agg: 'count' }, { fact: 'buyer_firsts', agg: 'count' }] }),
  metric('returning_buyer_share', ['老客占比', 'returning buyer share'], 'tactical', ['(支付买家数 − 新客数) / 支付买家数', '(paying_buyers − new_buyers) / paying_buyers'],
    'ratio', 'higher_better', { expr: '({paying_buyers} - {new_buyers}) / {paying_buyers}' }),
  metric('retained_buyers', ['下期回购买家数', 'buyers retained next period'], 'execution', ['本期支付且下一期(等长或下一个时间粒度)再次支付的买家数', 'buyers of the period who pay again in the next period of equal length (or the next grain bucket)'],
    'count', 'higher_better', { hidden: true, measure: { fact: 'orders', agg: 'retained_distinct', key: 'buyer', sql: 'buyer', filter: PAID } }),
  metric('retention_next_period', ['回购率', 'next-period retention'], 'tactical', ['本期买家中下一期再次支付的比例;数据尚未覆盖完整的下一期时为空', 'buyers of period P who pay again in period P+1 / buyers of P; empty until the data covers all of P+1'],
    'ratio', 'higher_better', { expr: '{retained_buyers} / {paying_buyers}' }),
  metric('members', ['会员数', 'members'], 'execution', ['期末时已入会的会员数', 'members who joined by the period end'],
    'count', 'higher_better', { hidden: true, measure: { fact: 'members', agg: 'count', filter: 'member' } }),
  metric('active_members', ['活跃会员数', 'active members'], 'execution', ['期末前 30 天内有支付订单的会员数', 'members with a paid order in the 30 days to the period end'],
    'count', 'higher_better', { hidden: true, measure: { fact: 'members', agg: 'count', filter: 'member AND active_30' } }),
  metric('member_active_rate', ['会员活跃率', 'member active rate'], 'tactical', ['期末前 30 天有支付订单的会员 / 全部会员', 'members with a paid order in the last 30 days / all members'],
    'ratio', 'higher_better', { expr: '{active_members} / {members}' }),
  metric('ltv_net_amount', ['LTV净支付', 'LTV net paid'], 'execution', ['本期首购买家在首购起 180 天内的净支付金额', 'net paid amount in the 180 days from first order of buyers whose first order is in the period'],
    'money', 'higher_better', { hidden: true, measure: { fact: 'ltv', agg: 'sum', sql: 'net_amount' } }),
  metric('ltv_buyers', ['LTV 队列人数', 'LTV cohort size'], 'execution', ['首购在本期的买家数', 'buyers whose first order is in the period'],
    'count', 'neutral', { hidden: true, measure: { fact: 'ltv', agg: 'count_distinct', sql: 'buyer' } }),
  metric('ltv_180', ['180天LTV', '180-day LTV'], 'tactical', ['按首购队列:首购起 180 天内人均净支付金额;数据尚未覆盖队列每位买家的 180 天时为空', 'net paid amount per buyer in the 180 days from first order, by first-order cohort; empty until the data covers 180 days of every buyer in the cohort'],
    'money', 'higher_better', { expr: '{ltv_net_amount} / {ltv_buyers}' }),
];
