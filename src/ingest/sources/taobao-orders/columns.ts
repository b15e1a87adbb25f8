/** 淘宝/天猫 订单报表 (ExportOrderList*.csv) and the 千牛 .xlsx order sheet: canonical field → header spellings. */
export const columns = {
  order_id: ['订单编号'],
  buyer: ['买家会员名', '买家昵称'],
  goods_amount: ['买家应付货款'],
  shipping_fee: ['买家应付邮费'],
  order_total: ['总金额'],
  paid_amount: ['买家实际支付金额', '买家实付金额'],
  status: ['订单状态'],
  receiver: ['收货人姓名'],
  address: ['收货地址'],
  phone: ['联系手机', '联系电话'],
  created_at: ['订单创建时间'],
  paid_at: ['订单付款时间'],
  shipped_at: ['发货时间'],
  finished_at: ['确认收货时间'],
  item_count: ['宝贝总数量'],
} as const;

export const required = ['order_id', 'created_at', 'paid_amount', 'status'] as const;
