/** 退款报表 header signature. */
export const signature = ['order_id', 'refund_id', 'amount', 'applied_at'] as const;
