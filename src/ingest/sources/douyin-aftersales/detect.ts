/** 抖店 after-sales export header signature. */
export const signature = ['refund_id', 'order_id', 'type', 'applied_at', 'amount'] as const;
