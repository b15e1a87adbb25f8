/**
 * Payout bills (结算明细/账单): the platform's settlement of each order, one row per order or per
 * line of it (the payment, then each fee withheld, as Alipay-style bills list them).
 */
export const columns = {
  order_id: ['订单号', '订单编号', '商户订单号', '业务订单号', '主订单编号', '店铺订单号'],
  settled_at: ['结算时间', '入账时间', '结算日期', '到账时间', '结算完成时间'],
  amount: ['结算金额', '实收金额', '入账金额', '到账金额', '结算收入', '实际结算金额'],
  fee: ['服务费', '手续费', '平台服务费', '技术服务费', '佣金', '平台扣点', '扣费金额'],
} as const;

export const required = ['order_id', 'settled_at', 'amount'] as const;
/** the bill's own words: an order export has neither a settlement time nor a settled amount */
export const signature = ['order_id', 'settled_at', 'amount'] as const;
