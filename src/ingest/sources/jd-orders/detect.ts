/** JD POP order export header signature. */
export const signature = ['order_id', 'sku_id', 'qty', 'price', 'paid_amount'] as const;
