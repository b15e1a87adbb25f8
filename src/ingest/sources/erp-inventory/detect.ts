/** inventory snapshot header signature. */
export const signature = ['day', 'sku_id', 'on_hand', 'warehouse'] as const;
