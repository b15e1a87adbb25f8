/** 旺店通 订单明细: one row per goods line; 子单原始单号 is the platform order number. */
export const columns = {
  erp_order_id: ['订单编号'],
  order_id: ['子单原始单号', '原始单号'],
  status: ['订单状态'],
  created_at: ['交易时间'],
  paid_at: ['付款时间'],
  buyer: ['客户网名'],
  receiver: ['收件人'],
  region: ['收货地区'],
  phone: ['收件人手机'],
  paid_amount: ['订单支付金额'],
  shipping_fee: ['邮费'],
  discount: ['订单总优惠'],
  merchant_code: ['商家编码'],
  goods_no: ['货品编号'],
  title: ['货品名称'],
  qty: ['下单数量'],
  price: ['标价'],
  line_paid: ['分摊后总价', '单品支付金额'],
} as const;

export const required = ['order_id', 'created_at', 'merchant_code', 'qty', 'paid_amount'] as const;
