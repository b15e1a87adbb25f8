/** 旺店通 订单明细 header signature. */
export const signature = ['order_id', 'merchant_code', 'goods_no', 'line_paid'] as const;
