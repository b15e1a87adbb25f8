/** 聚水潭 订单: one row per goods line; 线上订单号 is the platform order number. */
export const columns = {
  erp_order_id: ['内部订单号'],
  order_id: ['线上订单号', '原始线上订单号'],
  buyer: ['全渠道用户ID'],
  created_at: ['下单时间'],
  paid_at: ['付款日期', '付款时间'],
  shipped_at: ['发货日期'],
  payable: ['应付金额'],
  paid_amount: ['已付金额'],
  status: ['状态'],
  receiver: ['收货人'],
  province: ['省份'],
  city: ['城市'],
  line_no: ['线上子订单编号', '子订单编号'],
  style: ['款号'],
  merchant_code: ['商品编码'],
  qty: ['数量'],
  price: ['商品单价'],
  title: ['商品名称'],
  line_amount: ['商品金额'],
} as const;

export const required = ['order_id', 'created_at', 'merchant_code', 'qty', 'paid_amount'] as const;
