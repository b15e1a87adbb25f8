/** 淘宝 退款报表: one row per refund case. Some tools rename `/` to `_`; newer files add `商品 id`. */
export const columns = {
  order_id: ['订单编号'],
  refund_id: ['退款编号'],
  amount: ['买家退款金额'],
  applied_at: ['退款的申请时间', '退款申请时间'],
  finished_at: ['退款完结时间', '完结时间'],
  status: ['退款状态'],
  need_return: ['是否需要退货'],
  after_sale_type: ['售后类型'],
  reason: ['买家退款原因', '退款原因'],
  sku_id: ['商品 id', '商品id', '商品编码'],
} as const;

export const required = ['order_id', 'refund_id', 'amount', 'applied_at', 'status'] as const;
