/** 淘宝 宝贝报表 (ExportOrderDetailList*.csv): one row per item, joined to the order on 订单编号. */
export const columns = {
  order_id: ['订单编号'],
  title: ['标题', '宝贝标题'],
  price: ['价格'],
  qty: ['购买数量'],
  external_id: ['外部系统编号'],
  attributes: ['商品属性'],
  status: ['订单状态'],
  merchant_code: ['商家编码'],
} as const;

export const required = ['order_id', 'title', 'price', 'qty'] as const;
