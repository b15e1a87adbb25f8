/** 宝贝报表 header signature. */
export const signature = ['order_id', 'title', 'price', 'qty'] as const;
