/** Purchase receipts (采购入库单: 聚水潭, 旺店通 …): one row per SKU received on a purchase order. */
export const columns = {
  purchase_id: ['采购单号', '采购入库单号', '入库单号', '采购订单号'],
  sku_id: ['商品编码', '商家编码', 'SKU编码'],
  warehouse: ['仓库', '入库仓库', '收货仓库', '仓库名称'],
  qty: ['入库数量', '实收数量', '到货数量', '数量'],
  cost: ['入库金额', '采购金额', '金额', '总成本'],
  unit_cost: ['采购单价', '采购价', '单价', '成本价'],
  ordered_at: ['采购日期', '下单时间', '制单时间', '创建时间'],
  arrived_at: ['入库时间', '入库日期', '到货时间', '收货时间'],
} as const;

export const required = ['purchase_id', 'sku_id', 'qty', 'arrived_at'] as const;
export const signature = ['purchase_id', 'sku_id', 'qty', 'arrived_at'] as const;
