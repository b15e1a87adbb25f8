/** Live-stream session reports (直播场次数据: 抖店/巨量百应 直播复盘, 快手 …): one row per stream. */
export const columns = {
  session_id: ['场次ID', '直播场次ID', '直播ID', '场次编号'],
  host: ['主播', '主播昵称', '达人昵称', '直播账号', '直播间名称'],
  started_at: ['开播时间', '直播开始时间', '开始时间'],
  ended_at: ['下播时间', '直播结束时间', '结束时间'],
  views: ['观看人次', '累计观看人次', '观看次数', '场观'],
  peak_online: ['最高在线人数', '最高在线', '在线人数峰值', '峰值在线人数'],
  gmv: ['直播间成交金额', '直播成交金额', '成交金额', '用户支付金额'],
  orders: ['成交订单数', '直播间成交订单数', '成交订单量'],
} as const;

export const required = ['host', 'started_at', 'ended_at', 'gmv'] as const;
export const signature = ['started_at', 'ended_at', 'gmv'] as const;
