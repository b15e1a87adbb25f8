import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectSource, sourceFormats } from './registry.js';
import { mapHeader } from './header-map.js';

const headers: Record<string, string[]> = {
  'taobao-orders': ['订单编号', '买家会员名', '买家应付货款', '总金额', '买家实际支付金额', '订单状态', '订单创建时间', '订单付款时间 ', '店铺名称'],
  'taobao-items': ['订单编号', '标题', '价格', '购买数量', '外部系统编号', '商品属性', '订单状态', '商家编码'],
  'qianniu-items': ['子订单编号', '主订单编号', '商品标题', '商品价格', '购买数量', '商家编码', '买家实付金额'],
  'taobao-refunds': ['订单编号', '退款编号', '买家退款金额', '退款的申请时间', '退款状态', '手工退款_系统退款'],
  'jd-orders': ['订单号', '商品ID', '商品名称', '订购数量', '下单时间', '京东价', '订单金额', '应付金额', '订单状态', '付款确认时间'],
  'pdd-orders': ['订单成交时间', '商品', '订单号', '订单状态', '支付时间', '售后状态', '商品总价(元)', '用户实付金额(元)'],
  'douyin-orders': ['主订单编号', '子订单编号', '选购商品', '商品数量', '订单应付金额', '订单提交时间', '支付完成时间', '订单状态', '售后状态'],
  'douyin-aftersales': ['售后单号', '订单号', '商品单号', '售后类型', '售后状态', '售后申请时间', '退商品金额（元）'],
  'wdt-orders': ['订单编号', '店铺', '子单原始单号', '订单状态', '交易时间', '付款时间', '订单支付金额', '商家编码', '货品编号', '下单数量', '分摊后总价'],
  'jst-orders': ['内部订单号', '线上订单号', '店铺名称', '下单时间', '付款日期', '已付金额', '商品编码', '数量'],
  'erp-products': ['款式编码', '商品编码', '商品名称', '基本售价', '成本价'],
  'erp-inventory': ['日期', '商品编码', '仓库', '实际库存', '可用数'],
  'ad-report': ['日期', '推广渠道', '计划名称', '展现量', '点击量', '花费', '总成交金额'],
  'traffic-report': ['统计日期', '流量来源', '访客数', '浏览量', '加购人数'],
  'settlement-report': ['商户订单号', '入账时间', '实收金额', '手续费', '店铺名称'],
  'expense-report': ['记账日期', '费用科目', '金额', '备注'],
  'live-report': ['直播间名称', '开播时间', '下播时间', '观看人次', '最高在线人数', '直播间成交金额', '成交订单数'],
  'cs-report': ['接待客服', '买家昵称', '咨询时间', '首响时长', '询单成交订单号'],
  'purchase-report': ['采购单号', '商品编码', '货品编号', '仓库', '入库数量', '采购价', '入库时间'],
};

test('every format is detected from its own header, and only it', () => {
  assert.deepEqual(Object.keys(headers).sort(), sourceFormats.map((s) => s.id).sort(), 'a header sample per format');
  for (const [id, h] of Object.entries(headers)) assert.equal(detectSource(h)?.id, id, id);
});

test('column order does not matter; trailing spaces and full-width brackets do not either', () => {
  const h = [...headers['pdd-orders']!].reverse().map((x) => `${x} `.replace('(元)', '（元）'));
  assert.equal(detectSource(h)?.id, 'pdd-orders');
  const map = mapHeader(h, sourceFormats.find((s) => s.id === 'pdd-orders')!.columns);
  assert.equal(map.get('paid_amount')?.index, h.length - 1 - headers['pdd-orders']!.indexOf('用户实付金额(元)'));
});

test('an unrelated header matches nothing', () => {
  assert.equal(detectSource(['foo', 'bar', 'baz']), undefined);
});
