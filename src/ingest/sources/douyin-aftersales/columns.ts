/** 抖店 售后 export: one row per after-sales case. */
export const columns = {
  refund_id: ['售后单号'],
  order_id: ['订单号', '主订单编号'],
  line_id: ['商品单号', '子订单编号'],
  type: ['售后类型'],
  status: ['售后状态'],
  applied_at: ['售后申请时间'],
  finished_at: ['售后完结时间', '退款时间', '售后完成时间'],
  amount: ['退商品金额(元)', '退款金额'],
  reason: ['售后原因', '申请原因'],
  qty: ['退货数量', '申请数量'],
} as const;

export const required = ['refund_id', 'order_id', 'status', 'applied_at', 'amount'] as const;
