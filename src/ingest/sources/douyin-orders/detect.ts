/** 抖店 order export header signature. */
export const signature = ['order_id', 'line_id', 'payable', 'created_at'] as const;
