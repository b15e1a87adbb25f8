/** 千牛 .xlsx item sheet (2024+): one row per 子订单编号 under its 主订单编号. */
export const columns = {
  line_id: ['子订单编号'],
  order_id: ['主订单编号'],
  title: ['商品标题'],
  price: ['商品价格'],
  qty: ['购买数量'],
  external_id: ['外部系统编号'],
  attributes: ['商品属性'],
  status: ['订单状态'],
  merchant_code: ['商家编码'],
  goods_amount: ['买家应付货款'],
  paid_amount: ['买家实付金额'],
  created_at: ['订单创建时间'],
  paid_at: ['订单付款时间'],
  item_id: ['商品ID'],
} as const;

export const required = ['line_id', 'order_id', 'price', 'qty'] as const;
