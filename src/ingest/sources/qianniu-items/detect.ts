/** 千牛 item sheet header signature. */
export const signature = ['line_id', 'order_id', 'price', 'qty'] as const;
