/** Daily ad reports (直通车/引力魔方/京东快车/多多搜索/巨量千川 …), one row per day × channel × campaign. */
export const columns = {
  day: ['日期', '时间', '统计日期'],
  channel: ['渠道', '推广渠道', '推广工具', '推广产品'],
  campaign: ['计划名称', '推广计划', '计划', '推广计划名称'],
  impressions: ['展现量', '展现数', '曝光量', '展示数'],
  clicks: ['点击量', '点击数'],
  cost: ['花费', '消耗', '总花费', '花费(元)', '消耗(元)'],
  orders: ['总成交笔数', '成交订单数', '直接成交笔数', '成交笔数'],
  gmv: ['总成交金额', '成交金额', '直接成交金额', '成交金额(元)', 'GMV'],
} as const;

export const required = ['day', 'campaign', 'cost'] as const;
