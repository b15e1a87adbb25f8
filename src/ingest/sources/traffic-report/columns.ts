/** Daily traffic reports (生意参谋/京东商智 …): one row per day × source (× SKU). */
export const columns = {
  day: ['日期', '统计日期'],
  source: ['流量来源', '来源', '渠道'],
  sku_id: ['商品ID', '商品id'],
  visitors: ['访客数', 'UV'],
  page_views: ['浏览量', 'PV'],
  bounced: ['跳失人数'],
  add_to_cart: ['加购人数'],
  favourites: ['收藏人数'],
  buyers: ['支付买家数', '成交人数'],
} as const;

export const required = ['day', 'visitors'] as const;
