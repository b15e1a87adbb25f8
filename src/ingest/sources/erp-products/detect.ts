/** ERP product master header signature. */
export const signature = ['sku_id', 'spu_id', 'unit_cost'] as const;
