/** ERP product master (聚水潭 商品资料, 旺店通 货品档案): 商家编码 with price and cost. */
export const columns = {
  sku_id: ['商品编码', '商家编码'],
  spu_id: ['款式编码', '货品编号'],
  title: ['商品名称', '货品名称', '名称'],
  spec: ['颜色及规格', '规格名称'],
  list_price: ['基本售价', '零售价', '标价'],
  tag_price: ['市场吊牌价'],
  unit_cost: ['成本价', '成本', '采购价'],
  category: ['分类', '类目'],
  brand: ['品牌'],
} as const;

export const required = ['sku_id', 'unit_cost'] as const;
