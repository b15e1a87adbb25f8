/** Customer-service reception details (客服接待明细: 千牛/京麦/飞鸽 …): one row per conversation. */
export const columns = {
  session_id: ['会话ID', '接待ID', '会话编号', '咨询ID'],
  agent: ['客服', '客服昵称', '接待客服', '客服账号', '客服名称'],
  customer_id: ['买家', '买家昵称', '顾客', '客户昵称', '买家ID', '用户ID'],
  started_at: ['开始时间', '会话开始时间', '接入时间', '咨询时间', '接待时间'],
  first_response: ['首次响应时长', '首响时长', '首次响应时长(秒)', '首响时长(秒)', '首次响应时间(秒)'],
  converted_order_id: ['成交订单号', '转化订单号', '询单成交订单号', '下单订单号'],
} as const;

export const required = ['agent', 'started_at', 'first_response'] as const;
export const signature = ['agent', 'started_at', 'first_response'] as const;
