/** 京东 POP 订单: one row per SKU; order-level amounts repeat on every SKU row. */
export const columns = {
  order_id: ['订单号'],
  sku_id: ['商品ID', '商品编号'],
  title: ['商品名称'],
  qty: ['订购数量', '商品数量'],
  created_at: ['下单时间'],
  price: ['京东价'],
  order_total: ['订单金额'],
  paid_amount: ['应付金额'],
  shipping_fee: ['运费金额'],
  status: ['订单状态'],
  buyer: ['下单帐号', '下单账号'],
  receiver: ['客户姓名'],
  address: ['客户地址'],
  phone: ['联系电话'],
  paid_at: ['付款确认时间'],
  finished_at: ['订单完成时间'],
  merchant_code: ['货号', '商家SKU'],
  source: ['订单来源', '订单渠道'],
} as const;

export const required = ['order_id', 'sku_id', 'qty', 'created_at', 'paid_amount', 'status'] as const;
