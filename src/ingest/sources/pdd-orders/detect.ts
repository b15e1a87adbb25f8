/** 拼多多 order export header signature. */
export const signature = ['order_id', 'paid_amount', 'created_at', 'after_sale'] as const;
