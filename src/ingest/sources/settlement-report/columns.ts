/**
 * Payout bills (结算明细/账单): the platform's settlement of each order, one row per order or per
 * line of it (the payment, then each fee withheld, as Alipay-style bills list them). 抖店's fund
 * bill (资金流水) is one of these: 订单号, 动账时间, 动账金额 and 动账方向 (入账 / 出账); it writes
 * 动账 and 动帐 both.
 */
export const columns = {
  order_id: ['订单号', '订单编号', '商户订单号', '业务订单号', '主订单编号', '店铺订单号'],
  settled_at: ['结算时间', '入账时间', '结算日期', '到账时间', '结算完成时间', '动账时间', '动帐时间'],
  amount: ['结算金额', '实收金额', '入账金额', '到账金额', '结算收入', '实际结算金额', '动账金额', '动帐金额'],
  /** 入账 (paid to the seller) or 出账 (taken: a fee); without it, amounts are payouts */
  direction: ['动账方向', '动帐方向', '收支方向', '资金方向'],
  fee: ['服务费', '手续费', '平台服务费', '技术服务费', '佣金', '平台扣点', '扣费金额'],
} as const;

export const required = ['order_id', 'settled_at', 'amount'] as const;
/** the bill's own words: an order export has neither a settlement time nor a settled amount */
export const signature = ['order_id', 'settled_at', 'amount'] as const;
