/** The fields whose columns together say "this is a Taobao/Tmall order report". */
export const signature = ['order_id', 'order_total', 'paid_amount', 'created_at'] as const;
