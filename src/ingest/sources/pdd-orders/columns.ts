/** 拼多多 订单: one row per order; no buyer id; amounts may carry thousands separators. */
export const columns = {
  order_id: ['订单号'],
  title: ['商品'],
  status: ['订单状态'],
  qty: ['商品数量(件)', '商品数量'],
  paid_at: ['支付时间'],
  shipped_at: ['发货时间'],
  finished_at: ['确认收货时间'],
  item_id: ['商品id'],
  style_id: ['样式ID'],
  code_sku: ['商家编码-规格维度'],
  code_item: ['商家编码-商品维度'],
  after_sale: ['售后状态'],
  created_at: ['订单成交时间'],
  goods_amount: ['商品总价(元)'],
  shipping_fee: ['邮费(元)'],
  discount_shop: ['店铺优惠折扣(元)'],
  discount_platform: ['平台优惠折扣(元)'],
  discount_duoduo: ['多多支付立减金额(元)'],
  paid_amount: ['用户实付金额(元)'],
  province: ['省'],
  city: ['市'],
} as const;

export const required = ['order_id', 'status', 'created_at', 'paid_amount'] as const;
