/** 聚水潭 order export header signature. */
export const signature = ['erp_order_id', 'order_id', 'merchant_code', 'paid_amount'] as const;
