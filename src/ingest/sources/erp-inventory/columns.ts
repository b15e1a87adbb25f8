/** ERP inventory snapshot: one row per SKU and warehouse on a day. */
export const columns = {
  day: ['日期', '快照日期', '统计日期'],
  sku_id: ['商品编码', '商家编码'],
  warehouse: ['仓库', '仓库名称'],
  on_hand: ['实际库存', '库存数', '主仓实际库存', '数量'],
  available: ['可用数', '可用库存'],
  in_transit: ['采购在途数', '在途数'],
  unit_cost: ['成本价', '成本'],
} as const;

export const required = ['day', 'sku_id', 'on_hand'] as const;
