/**
 * Small CSVs full of real-export quirks for the differential test of the DuckDB path: every
 * cleaner's edge (Excel guards, amounts, dates, statuses, masks, full-width forms, characters
 * only NFKC folds, numbers past BIGINT fen), short and long rows, quoted line breaks, and files
 * the DuckDB path must decline (blank line between rows, text after a closing quote, a shop
 * whose name moves between ids). Written by the test into a temp folder.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { openTable } from '../read/open-table.js';

const TB_HEAD = ['订单编号', '买家会员名', '买家应付货款', '买家应付邮费', '总金额', '买家实际支付金额 ', '订单状态', '收货人姓名', '收货地址 ',
  '联系手机', '订单创建时间', '订单付款时间 ', '发货时间', '确认收货时间', '宝贝标题 ', '宝贝总数量', '店铺Id', '店铺名称'];

/** [id, buyer, goods, post, total, paid, status, receiver, address, phone, created, paid_at, shipped, finished, title, count, shop id, shop name] */
const TB_ROWS: string[][] = [
  ['"=""3712345678901234561"""', 'tb_alice', '1299.00', '0.00', '1299.00', '"¥1,299.00"', '交易成功', '张**', '浙江省 杭州市 西湖区', '138****1234', '2026-03-01 10:00:00', '2026-03-01 10:05:00', '', '2026-03-06 09:00:00', '羊绒大衣', '1', 'T100', '蓝鲸旗舰店'],
  ['"\t3712345678901234562"', ' tb_bob ', '"1,299.00"', '10', '-', '￥210.00', '卖家已发货，等待买家确认', '李**', '上海，上海市，浦东新区', '', '2026/3/1 11:00', '2026/3/1 11:01', '2026/3/2 9:00', '', '"纯棉T恤,运动袜"', '1,200', 'T100', '蓝鲸旗舰店'],
  ["'3712345678901234563", 't**5', '--', '#NULL!', '59.90', '１２.５', '等待买家付款', '', '江苏省 **', '', '2026年3月2日 09:00', '', '', '', '"帆布包\n第二行"', '3.0', 'T100', '蓝鲸旗舰店'],
  ['3712345678901234564', 'tb_dan', '12.5元', '0', '+5.00', '1.', '交易 成功', '', '广东省　深圳市', '', '20260302', '2026-03-02T10:00:00', '', '', '贴纸', '', 'T100', ''],
  ['3.71235E+18', 'tb_erin', '10.00', '0', '10.00', '10.00', '交易成功', '\u3000王五', '北京市  北京市 朝阳区', '', '2026-03-02 10:00:00', '2026-03-02 10:00:05', '', '', '贴纸', '1', 'T100', '蓝鲸旗舰店'],
  ['3712345678901234566', 'tb_fay', '10.00', '0', '10.00', 'abc', '交易成功', '', '四川省,成都市', '', '2026-02-30 10:00:00', 'yesterday', '', '', '贴纸', '2.5', 'T100', '蓝鲸旗舰店'],
  ['12 34', '', '10.00', '0', '10.00', '10.00', '', '', '', '', '', '', '', '', '贴纸', '1', 'T100', '蓝鲸旗舰店'],
  ['3712345678901234568', '##密文', '10.00', '12.345', '10.00', '10.00', '神秘状态', '', '', '', '2026-03-03 10:00:00', '0001-01-01 00:00:00', '2026-03-03 25:00:00', '', '贴纸', '1', 'T200', '别的店'],
  ['3712345678901234569', 'tb_gus', '10.00', '0', '10.00', '10.00', '交易成功', '', '重庆市\t渝中区', '', '0001-01-01 00:00:00', '', '', '', '贴纸', '1', 'T100', '蓝鲸旗舰店'],
  ['3712345678901234570', 'tb_hal', '①', '0', '10.00', '10.00', '交易成功', '', '', '', '２０２６-03-04 10:00:00', '2026-03-04 10:00:01', '', '', '贴纸', '1', 'T100', '蓝鲸旗舰店'],
  ['3712345678901234571', 'tb_ivy', '12345678901234567.00', '0', '10.00', '10.00', '交易成功', '', '** 杭州市', '', '2026-03-04 11:00:00', '2026-03-04 11:00:01', '', '', '贴纸', '1234567890', 'T100', '蓝鲸旗舰店'],
  ['3712345678901234572', 'tb_jon', '10.00', '0', '10.00', '10.00', '交易成功\u3000', '赵六\u00a0', '海南省', '', '0099-01-01 10:00', '2026-03-04 12:00:00.750', '', '', '贴纸', '1', '', '蓝鲸旗舰店'],
  ['3712345678901234573', 'tb_kim', '10.00', '0', '10.00', '10.00', '买家已付款,等待卖家发货', '', '', '', '2026-03-08 02:30:00', '2026-03-08 03:30:00', '', '', '贴纸', '1', 'T100', '蓝鲸旗舰店', 'extra', 'cells'],
  ['3712345678901234574', 'tb_lee', '10.00', '0', '10.00', '10.00', '交易成功', '', '', '', '2026-11-01 01:30:00'],
  ['3712345678901234561', 'tb_alice', '1299.00', '0.00', '1299.00', '1299.00', '交易关闭', '张**', '浙江省 杭州市 西湖区', '138****1234', '2026-03-01 10:00:00', '2026-03-01 10:05:00', '', '', '羊绒大衣', '1', 'T100', '蓝鲸旗舰店'],
  ['"="', '-', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
  // padded only at the end, or guarded, in columns exports rarely pad: their cells need the full cell-text rules
  ['3712345678901234575', 'tb_max', '10.00 ', '0', "'10.00", '10.00\t', '交易成功 ', '钱七 ', '浙江省 杭州市 ', '139****0000 ', '2026-03-05 10:00:00 ', '2026-03-05 10:00:01', '', '2026-03-09 24:00:00', '贴纸 ', '1 ', 'T100', '蓝鲸旗舰店'],
];

const DY_HEAD = ['主订单编号', '子订单编号', '选购商品', '商品规格', '商品数量', '商品ID', '商家编码', '商品单价', '商品金额', '订单应付金额', '运费',
  '平台实际承担优惠金额', '商家实际承担优惠金额', '达人实际承担优惠金额', '订单提交时间', '支付完成时间', '订单完成时间', '发货时间', '订单状态', '售后状态',
  '收件人', '收件人手机号', '达人ID', '流量来源', '省', '市', '店铺名称'];

const DY_ROWS: string[][] = [
  ['\t6920000000000000001', '\t6920000000000000101', '面膜', '10片装', '1', '3550001', 'MASK-10', '99.00', '99.00', '89.00', '0.00', '5.00', '5.00', '0.00', '2026-03-01 20:00:00', '2026-03-01 20:00:30', '2026-03-05 10:00:00', '2026-03-02 10:00:00', '已完成', '-', '##密文', '##密文', '7000001', '直播', '浙江省', '杭州市', '抖音美妆店'],
  ["'6920000000000000001", "'6920000000000000102", '精华', '30ml', '2', '3550002', '', '150.00', '300.00', '280.00', '0.00', '10.00', '10.00', '0.00', '2026-03-01 20:00:00', '2026-03-01 20:00:30', '', '', '已完成', '退款成功', '', '', '', '商品卡', '', '', '抖音美妆店'],
  ['6920000000000000002', '6920000000000000201', '面膜', '', '1', '', '', '99.00', '', '99.00', '', '', '', '', '2026/3/2 14:03', '-', '-', '-', '待支付', '退款成功', '', '', '-', '商品卡', '', '', '抖音美妆店'],
  ['6920000000000000003', '6920000000000000301', '面膜', '', '2.5', '3550001', 'MASK-10', 'x9', '99.00', '99.00', '', '', '', '', '2026-03-03 10:00:00', '2026-03-03 10:00:01', '', '', '已发货', '', '', '', '', '', '', '', '抖音美妆店'],
  ['6920000000000000004', '6920000000000000401', '面膜', '', '3', '3550001', 'MASK-10', 'x9', '99.00', '99.00', '', '', '', '', '2026-03-03 10:00:00', '2026-03-03 10:00:01', '', '', '神秘', '', '', '', '1.5E+3', '', '', '', '抖音美妆店'],
  ['6920000000000000005', '', '面膜', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '抖音美妆店'],
  ['6920000000000000006', '6920000000000000601', '面膜', '', '1', '3550009', '', '9.90', '9.90', '9.90', '', '', '', '', '2026-03-04 10:00:00', '2026-03-04 10:00:01', '', '2026-03-04 18:00:00', '已发货', '', '', '', '', '', '', '', '抖音美妆店'],
  ['6920000000000000006', '6920000000000000601', '面膜', '', '1', '3550009', '', '9.90', '9.90', '9.90', '', '', '', '', '2026-03-04 10:00:00', '2026-03-04 10:00:01', '2026-03-06 10:00:00', '2026-03-04 18:00:00', '已完成', '', '', '', '', '', '', '', '抖音美妆店'],
  ['6920000000000000007', '6920000000000000701', '面膜', '', '1', '3550009', '', '9.90', '9.90', '9.90', '', '', '', '', '2026-03-04 10:00:00', '0001-01-01 00:00:00', '', '', '已关闭'],
  ['6920000000000000008', '6920000000000000801', '\t面膜', '', '1 ', '3550009', 'MASK-10 ', '9.90 ', '9.90', '9.90\t', '', '', '', '', '2026-03-04 10:00:00 ', '2026-03-04 10:00:01', '', '', '已完成 ', '', '', '', '', '直播 ', '', '', '抖音美妆店'],
];

const JD_HEAD = ['订单号', '商品ID ', '商品名称', '订购数量', '下单时间', '京东价', '订单金额', '结算金额', '应付金额', '运费金额', '订单状态', '下单帐号',
  '客户姓名', '客户地址', '联系电话', '付款确认时间', '订单完成时间', '货号', '订单来源', '店铺ID', '店铺名称'];

/** [order, sku, title, qty, created, price, total, settled, payable, shipping, status, buyer, receiver, address, phone, paid_at, finished, code, source, shop id, shop name] */
const JD_ROWS: string[][] = [
  // two SKUs of one order: the order amounts repeat, the order counts once, 应付金额 is shared over the lines
  ['310000000001', '100001', '电饭煲', '1', '2026-03-01 08:00:00', '300.00', '400.00', '390.00', '390.00', '0.00', '完成', 'jd_user1', '张**', '北京 北京市 朝阳区', '138****0001', '2026-03-01 08:01:00', '2026-03-04 08:00:00', 'RC-01', '京东APP', 'J200', '京东自营旗舰'],
  ['\t310000000001', '\t100002', '内胆', '2', '2026-03-01 08:00:00', '50.00', '400.00', '390.00', '390.00', '0.00', '完成', 'jd_user1', '张**', '北京 北京市 朝阳区', '138****0001', '2026-03-01 08:01:00', '2026-03-04 08:00:00', 'RC-02', '京东APP', 'J200', '京东自营旗舰'],
  // unpaid: JD writes 0001-01-01 as the payment time
  ['310000000002', '100001', '电饭煲', '1', '2026/3/2 8:00', '"¥1,300.00"', '"1,300.00"', '', '"1,300.00"', '-', '等待付款', '***', '', '', '', '0001-01-01 00:00:00', '', 'RC-01', '', 'J200', '京东自营旗舰'],
  ["'310000000003", '100003', '保温杯', '3', '2026-03-02 09:00:00', '33.00', '109.00', '109.00', '109.00', '10.00', '等待出库', '##密文', '李**', '上海，上海市，浦东新区', '', '2026-03-02 09:00:30', '', '', '', 'J200', '京东自营旗舰'],
  // the same SKU row again, later: newest wins
  ['310000000003', '100003', '保温杯', '3', '2026-03-02 09:00:00', '33.00', '109.00', '109.00', '109.00', '10.00', '等待确认收货', '##密文', '李**', '上海，上海市，浦东新区', '', '2026-03-02 09:00:30', '', '', '', 'J200', '京东自营旗舰'],
  ['3.10000E+11', '100004', '杯盖', '1', '2026-03-03 10:00:00', '5.00', '5.00', '5.00', '5.00', '0', '完成', 'jd_user3', '', '', '', '2026-03-03 10:00:01', '', '', '', 'J200', '京东自营旗舰'],
  ['310000000005', '', '杯盖', 'x', '2026-03-32 10:00:00', 'abc', '5.00', '5.00', '', '0', '', '', '', '', '', 'soon', '', '', '', 'J200', '京东自营旗舰'],
  ['310000000006', '100004', '杯盖', '1', '2026-03-03 10:00:00', '5.00', '--', '5.00', '5.00', '#NULL!', '神秘状态', 'jd_user4', '', '', '', '2026-03-03 10:00:01', 'yesterday', '', '', 'J200', '京东自营旗舰'],
  ['310000000007', '100005', '杯刷', '2', '2026-03-04 10:00:00', '１２.５', '25.00', '25.00', '25.00', '0.00', '完成 ', ' jd_user5 ', '', '', '', '2026-03-04 10:00:01', '2026-03-08 10:00:00', '', '', 'J200'],
  ['310000000008', '100006', '①号杯', '1', '2026-03-04 11:00:00', '①', '9.90', '9.90', '9.90', '0.00', '锁定', 'jd_user6', '', '', '', '2026-03-04 11:00:01', '', '', '', 'J300', '京东第二店'],
];

const PDD_HEAD = ['订单成交时间', '商品', '订单号', '订单状态', '商品数量(件)', '支付时间', '发货时间', '确认收货时间', '商品id', '样式ID',
  '商家编码-规格维度', '商家编码-商品维度', '售后状态', '商品总价(元)', '邮费(元)', '店铺优惠折扣(元)', '平台优惠折扣(元)', '多多支付立减金额(元)',
  '用户实付金额(元)', '商家实收金额(元)', '省', '市'];

/** [created, title, order, status, qty, paid_at, shipped, finished, item id, style id, code sku, code item, after-sale, goods, post, shop off, platform off, duoduo off, paid, received, province, city] */
const PDD_ROWS: string[][] = [
  ['2026-03-01 12:00:00', '拖鞋', '260301-123456789012345', '已收货', '2', '2026-03-01 12:00:10', '2026-03-01 18:00:00', '2026-03-03 12:00:00', '5550001', '8880001', 'SL-40', 'SL', '无售后或售后取消', '"1,200.00"', '0.00', '100.00', '50.00', '-', '"1,050.00"', '"1,050.00"', '四川省', '成都市'],
  ['2026-03-01 13:00:00', '拖鞋', '\t260301-123456789012346', '已发货，待收货', '1', '2026-03-01 13:00:10', '2026-03-01 19:00:00', '--', '5550001', '', '', 'SL', '退款成功', '30.00', '0.00', '0.00', '0.00', '#NULL!', '30.00', '30.00', '重庆', '重庆市'],
  // no 样式ID, no 商家编码: the SKU is the 商品id; no 商品数量: one unit
  ['2026/3/2 9:00', '袜子', '="260302-000000000000001"', '待支付', '', '', '', '', '5550002', '', '', '', '退款成功', '９.９０', '', '', '', '', '9.90', '', '', ''],
  // 商品id bad, with 样式ID given or not: read once or twice, reported once
  ['2026-03-02 10:00:00', '袜子', '260302-000000000000002', '待发货', '3', '2026-03-02 10:00:05', '', '', '5.55E+06', '8880002', '', '', '', '29.70', '0', '0', '0', '1.00', '28.70', '28.70', '广东省', '深圳市'],
  ['2026-03-02 11:00:00', '袜子', '260302-000000000000003', '待发货', '3', '2026-03-02 11:00:05', '', '', '5.55E+06', '', '', '', '', '29.70', '0', '0', '0', '1.00', '28.70', '28.70', '广东省', '深圳市'],
  ['2026-03-02 12:00:00', '袜子', '260302-000000000000004', '神秘状态', '1.5', '2026-02-30 12:00:00', 'x', '', '5550002', '1E+3', '', '', '', '¥9.90', 'abc', '', '', '', '--', '', '', ''],
  ['2026-03-03 12:00:00', '袜子', '260302-000000000000002', '已发货', '3', '2026-03-02 10:00:05', '2026-03-03 12:00:00', '', '5550002', '8880002', '', '', '', '29.70', '0', '0', '0', '1.00', '28.70', '28.70', '广东省', '深圳市'],
  ['2026-03-04 12:00:00', '①袜', '260304-000000000000005', '交易成功', '1', '2026-03-04 12:00:01', '', '', '5550003', '', 'SK-9 ', '', '', '①', '0', '0', '0', '0', '9.90', '9.90', '', ''],
  ['2026-03-04 13:00:00', '袜子', '260304-000000000000006', '已取消', '1'],
];

const ITEMS_HEAD = ['订单编号', '标题', '价格', '购买数量', '外部系统编号', '商品属性', '套餐信息', '备注', '订单状态', '商家编码'];

/** [order, title, price, qty, external id, attributes, package, note, status, code] */
const ITEMS_ROWS: string[][] = [
  ['"=""3712345678901234561"""', '羊绒大衣', '1299.00', '1', '', '颜色分类：驼色;尺码：M', '', '', '交易成功', 'SKU-COAT-M'],
  // no 商家编码 nor 外部系统编号: the SKU is a hash of title and attributes, the line adds a hash of the attributes
  ['"=""3712345678901234562"""', '纯棉T恤', '50.00', '1', '', '颜色分类：白色;尺码：L', '', '', '卖家已发货，等待买家确认', ''],
  ['"=""3712345678901234562"""', '纯棉T恤', '50.00', '2', '', '颜色分类：黑色;尺码：L', '', '', '卖家已发货，等待买家确认', '-'],
  ['\t3712345678901234563', '帆布包😀', '"1,059.90"', '1', 'EXT-9', '', '', '', '', ''],
  ['3712345678901234564', '  贴纸  ', '¥5.00', '3', '', '', '', '', '神秘状态', ''],
  // the same line again, later: one line
  ['3712345678901234564', '贴纸', '5.00', '4', '', '', '', '', '交易成功', ''],
  ['3.71235E+18', '贴纸', '5.00', '1', '', '', '', '', '交易成功', ''],
  ['3712345678901234566', '', 'abc', '1.5', '', '', '', '', '', ''],
  ['3712345678901234567', '①贴纸', '①', '1', '', '颜色：①', '', '', '交易成功', ''],
  ['3712345678901234568', '贴纸', '5.00'],
];

const TB_REFUND_HEAD = ['订单编号', '退款编号', '支付宝交易号', '订单付款时间', '退款完结时间', '买家实际支付金额', '宝贝标题', '买家退款金额', '手工退款_系统退款',
  '是否需要退货', '退款的申请时间', '退款状态', '买家退款原因', '售中或售后', '商品id'];

/** [order, refund, alipay, paid_at, finished, paid, title, amount, manual, need return, applied, status, reason, phase, sku] */
const TB_REFUND_ROWS: string[][] = [
  ['"=""3712345678901234562"""', '"=""200000000000000001"""', '', '2026-03-01 11:01:00', '2026-03-05 12:00:00', '210.00', '运动袜', '37.50', '系统退款', '是', '2026-03-03 10:00:00', '退款成功', '尺码不合适', '售后退款', '5550001'],
  // still pending: no finish time, whatever the cell says
  ['3712345678901234561', '200000000000000002', '', '', '2026-03-04 18:00:00', '1299.00', '羊绒大衣', '"¥1,299.00"', '系统退款', '否', '2026/3/4 9:00', '买家已经申请退款，等待卖家同意', '', '', ''],
  ['3712345678901234561', '200000000000000002', '', '', '2026-03-05 18:00:00', '1299.00', '羊绒大衣', '1299.00', '系统退款', '否', '2026/3/4 9:00', '退款关闭', '不想要了', '', '-'],
  ['3712345678901234561', '200000000000000003', '', '', '2026-03-05 18:00:00', '1299.00', '羊绒大衣', '1.00', '系统退款', '否', '2026/3/5 9:00', '等待卖家同意', '', '', ''],
  ["'3712345678901234563", '2.00000E+17', '', '', '', '', '', '10.00', '', '', '2026-03-04 09:00:00', '退款成功', '', '', ''],
  ['3712345678901234564', '200000000000000004', '', '', 'soon', '', '', 'abc', '', '', '2026-02-30 09:00:00', '', '', '', '1 2'],
  ['3712345678901234565', '200000000000000005', '', '', '2026-03-06 09:00:00', '', '', '１０.００', '', '是 ', '2026-03-05 09:00:00', '退款成功　', '', '', ''],
  ['3712345678901234566', '200000000000000006', '', '', '', '', '', '①', '', '', '2026-03-05 09:00:00', '退款成功'],
];

const DY_AFTERSALE_HEAD = ['售后单号', '订单号', '商品单号', '售后类型', '售后状态', '售后申请时间', '售后完结时间', '退商品金额(元)', '售后原因', '退货数量', '店铺名称'];

/** [case, order, sub-order, type, status, applied, finished, amount, reason, qty, shop] */
const DY_AFTERSALE_ROWS: string[][] = [
  ["'7100000000000000001", "'6920000000000000001", "'6920000000000000102", '仅退款', '退款成功', '2026-03-03 09:00:00', '2026-03-03 12:00:00', '140.00', '不想要了', '1', '抖音美妆店'],
  // a finished case without a finish time is dated at its application; a type written as its API code
  ['7100000000000000002', '6920000000000000003', '6920000000000000301', '0', '售后完成', '2026-03-04 09:00:00', '-', '"1,099.00"', '', '', '抖音美妆店'],
  ['7100000000000000003', '6920000000000000004', '', '换货', '待商家处理', '2026/3/4 10:00', '2026-03-05 10:00:00', '0', '', '1', '抖音美妆店'],
  ['7100000000000000004', '6920000000000000004', '6920000000000000401', '神秘类型', '神秘状态', '2026-03-04 11:00:00', '', '10.00', '', '2.5', '抖音美妆店'],
  ['7.1E+18', '', '6920000000000000401', '', '', 'x', '', '', '', '', '抖音美妆店'],
  ['7100000000000000006', '6920000000000000006', '6920000000000000601', '退货退款 ', '退款成功', '2026-03-05 11:00:00', '2026-03-06 11:00:00', '9.90', '', '1', '抖音美妆店'],
  ['7100000000000000007', '6920000000000000007', '6920000000000000701', '①', '退款成功', '2026-03-05 11:00:00', '', '9.90', '', '1'],
];

const WDT_HEAD = ['订单编号', '店铺', '订单来源', '子单原始单号', '订单状态', '交易时间', '付款时间', '客户网名', '收件人', '收货地区', '收件人手机',
  '订单支付金额', '邮费', '订单总优惠', '商家编码', '货品编号', '货品名称', '下单数量', '标价', '分摊后总价'];

/** [erp order, shop, platform, order, status, created, paid_at, buyer, receiver, region, phone, paid, post, discount, code, goods no, title, qty, price, line paid] */
const WDT_ROWS: string[][] = [
  ['=JY0001', '蓝鲸旗舰店', '淘宝', '=3712345678901234561', '已完成', '2026-03-01 10:00:00', '2026-03-01 10:05:00', 'tb_alice', '张**', '浙江省 杭州市 西湖区', '138****1234', '1299.00', '0.00', '0.00', 'SKU-COAT-M', 'G-COAT', '羊绒大衣', '1', '1299.00', '1299.00'],
  // two goods lines, the second without its own paid share: the merge allocates the order's
  ['=JY0002', '蓝鲸旗舰店', '淘宝', '=3712345678901234580', '', '2026-03-03 10:00:00', '2026-03-03 10:02:00', 'tb_frank', '孙**', '福建省 厦门市 思明区', '', '"1,120.00"', '10.00', '-', 'SKU-TEE-L', '', '纯棉T恤', '2', '60.00', '120.00'],
  ['=JY0002', '蓝鲸旗舰店', '淘宝', '=3712345678901234580', '', '2026-03-03 10:00:00', '2026-03-03 10:02:00', 'tb_frank', '孙**', '福建省 厦门市 思明区', '', '"1,120.00"', '10.00', '-', 'SKU-COAT-L', 'G-COAT', '羊绒大衣', '1', '1000.00', ''],
  ['=JY0003', '蓝鲸旗舰店', '淘宝', '3712345678901234581', '神秘状态', '2026/3/4 9:00', '', '##密文', '', '', '', '59.90', '', '', ' SKU-BAG ', '', '帆布包', '1', '59.90', '59.90'],
  ['=JY0004', '蓝鲸旗舰店', '淘宝', '3.71235E+18', '已发货', '2026-03-04 10:00:00', '2026-03-04 10:00:01', 'tb_g', '', '', '', '10.00', '', '', 'SKU-X', '', '贴纸', '1', '10.00', '10.00'],
  ['=JY0005', '蓝鲸旗舰店', '淘宝', '3712345678901234583', '待审核', '2026-03-04 11:00:00', 'x', 'tb_h', '', '', '', 'abc', '#NULL!', '', '', '', '贴纸', '1.5', '①', '10.00'],
  ['=JY0006', '别的店', '京东', '310000000009', '已付款待审核', '2026-03-05 11:00:00', '2026-03-05 11:00:05', '', '', '四川省 成都市', '', '10.00', '0', '0', 'SKU-X', 'G-X', '贴纸', '1', '10.00', '１０.００'],
  ['=JY0007', '蓝鲸旗舰店', '淘宝', '3712345678901234585', '已完成', '2026-03-05 12:00:00'],
];

const JST_HEAD = ['内部订单号', '线上订单号', '店铺名称', '全渠道用户ID', '下单时间', '付款日期', '发货日期', '应付金额', '已付金额', '状态', '收货人', '省份',
  '城市', '子订单编号', '线上子订单编号', '款号', '商品编码', '数量', '商品单价', '商品名称', '颜色及规格', '商品金额'];

/** [erp order, order, shop, buyer, created, paid_at, shipped, payable, paid, status, receiver, province, city, sub, line no, style, code, qty, price, title, spec, amount] */
const JST_ROWS: string[][] = [
  ['88001', '310000000001', '京东自营旗舰', 'jd_user1', '2026-03-01 08:00:00', '2026-03-01 08:01:00', '2026-03-02 08:00:00', '390.00', '390.00', '已发货', '周**', '北京', '北京市', '1', '100001', 'RC', 'RC-01', '1', '300.00', '电饭煲', '标准', '300.00'],
  ['88001', '310000000001', '京东自营旗舰', 'jd_user1', '2026-03-01 08:00:00', '2026-03-01 08:01:00', '2026-03-02 08:00:00', '390.00', '390.00', '已发货', '周**', '北京', '北京市', '2', '', 'RC', 'RC-02', '2', '50.00', '内胆', '标准', ''],
  ['88002', '"\t310000000002"', '京东自营旗舰', '', '2026-03-02 08:00:00', '', '', '"1,300.00"', '0.00', '等待付款', '', '', '', '1', '1.0E+5', '', 'RC-01', '1', '1300.00', '电饭煲', '', '1300.00'],
  ['88003', '310000000003', '京东自营旗舰', 'jd_user3', '2026-03-02 09:00:00', '2026-03-02 09:00:30', '2026-03-31 25:00:00', '--', '109.00', '发货中', '', '上海', '上海市', '1', '100003', '', 'TB-01', '3', '33.00', '保温杯', '', '99.00'],
  ['88004', '310000000004', '京东自营旗舰', 'jd_user4', '2026-03-02 10:00:00', '2026-03-02 10:00:30', '', '109.00', '109.00', '', '', '', '', '1', '100004', '', '', '3', '33.00', '保温杯', '', '99.00'],
];

const csv = (head: string[], rows: string[][], eol = '\r\n') => [head.join(','), ...rows.map((r) => r.join(','))].join(eol) + eol;

export interface QuirkFile {
  name: string;
  path: string;
  /** the DuckDB path takes it (else it must decline: the JS path reads it) */
  fast: boolean;
  timezone?: string;
}

export function writeQuirkFiles(dir: string): QuirkFile[] {
  const put = (name: string, data: Buffer | string, fast: boolean, timezone?: string): QuirkFile => {
    const path = join(dir, name);
    writeFileSync(path, data);
    return { name, path, fast, ...(timezone ? { timezone } : {}) };
  };
  const bom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)]);
  const tb = csv(TB_HEAD, TB_ROWS);
  const blankBetween = csv(TB_HEAD, TB_ROWS.slice(0, 2)) + '\r\n' + csv(TB_HEAD, TB_ROWS.slice(3, 5)).split('\r\n').slice(1).join('\r\n');
  const afterQuote = csv(TB_HEAD, [['"3712345678901234599"x', ...TB_ROWS[0]!.slice(1)]]);
  const movingShop = csv(TB_HEAD, [
    [...TB_ROWS[0]!.slice(0, 16), 'T1', ''], [...TB_ROWS[3]!.slice(0, 16), 'T1', '店X'], [...TB_ROWS[4]!.slice(0, 16), 'T2', '店X'], [...TB_ROWS[11]!.slice(0, 16), 'T1', '店X'],
  ]);
  return [
    put('quirks-taobao-gbk.csv', iconv.encode(tb, 'gbk'), true),
    put('quirks-taobao-bom-lf.csv', bom(csv(TB_HEAD, TB_ROWS, '\n') + '\n\n'), true),
    put('quirks-taobao-new-york.csv', Buffer.from(tb), true, 'America/New_York'),
    put('quirks-douyin-bom.csv', bom(csv(DY_HEAD, DY_ROWS)), true),
    put('quirks-douyin-gbk.csv', iconv.encode(csv(DY_HEAD, DY_ROWS), 'gbk'), true),
    // GBK has no 😀: the UTF-8 copy carries the character past U+FFFF the line key hashes
    put('quirks-taobao-items-gbk.csv', iconv.encode(csv(ITEMS_HEAD, ITEMS_ROWS).replace('😀', '包'), 'gbk'), true),
    put('quirks-taobao-items-bom.csv', bom(csv(ITEMS_HEAD, ITEMS_ROWS)), true),
    put('quirks-taobao-refunds-gbk.csv', iconv.encode(csv(TB_REFUND_HEAD, TB_REFUND_ROWS), 'gbk'), true),
    put('quirks-douyin-aftersales-bom.csv', bom(csv(DY_AFTERSALE_HEAD, DY_AFTERSALE_ROWS)), true),
    put('quirks-jd-gbk.csv', iconv.encode(csv(JD_HEAD, JD_ROWS), 'gbk'), true),
    put('quirks-pdd-bom.csv', bom(csv(PDD_HEAD, PDD_ROWS)), true),
    put('quirks-wdt-gbk.csv', iconv.encode(csv(WDT_HEAD, WDT_ROWS), 'gbk'), true),
    put('quirks-jst.csv', csv(JST_HEAD, JST_ROWS), true),
    put('declined-blank-line.csv', iconv.encode(blankBetween, 'gbk'), false),
    put('declined-after-quote.csv', Buffer.from(afterQuote), false),
    put('declined-moving-shop.csv', Buffer.from(movingShop), false),
  ];
}

export interface WorkbookOptions {
  /** the cell to write for a CSV cell (its text by default): row 0 is the first data row */
  cell?: (text: string, row: number, col: number) => string | number | Date;
  /** a title row above the header */
  titleRow?: boolean;
  /** a blank row after this many data rows */
  blankAfter?: number;
  /** a second sheet, of notes */
  notes?: boolean;
}

/** A CSV's cells (read by the CSV reader) as the one sheet of a workbook written by exceljs. */
export async function csvToWorkbook(csvPath: string, xlsxPath: string, o: WorkbookOptions = {}): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxPath, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('订单');
  if (o.titleRow) ws.addRow(['抖店订单导出 2026-03']).commit();
  let row = 0;
  for await (const part of (await openTable(csvPath)).parts) {
    ws.addRow(part.header).commit();
    for await (const batch of part.rows) {
      for (const r of batch) {
        ws.addRow(r.cells.map((c, col) => (o.cell ? o.cell(String(c), row, col) : c))).commit();
        if (++row === o.blankAfter) ws.addRow([]).commit();
      }
    }
  }
  ws.commit();
  if (o.notes) { const n = wb.addWorksheet('说明'); n.addRow(['说明', '导出自抖店后台']).commit(); n.commit(); }
  await wb.commit();
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
/** `2026-03-01 20:00:00` as a wall time Date (as if UTC), or undefined (JD's `0001-01-01` "not paid" stays text: as a serial it is no date) */
const wallDate = (s: string) => (/^20\d\d-\d\d-\d\d \d\d:\d\d:\d\d$/.test(s) ? new Date(`${s.replace(' ', 'T')}Z`) : undefined);

/** 抖店 cells typed as Excel keeps them: counts, ids and prices as numbers, times as dates or serials, a Date in a text column. */
function typedDouyinCell(text: string, _row: number, col: number): string | number | Date {
  const number = /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
  if ((col === 4 || col === 5 || col === 7 || col === 22) && number !== undefined) return number;
  // 商品金额 as Excel computes it: float noise that amounts.ts rounds off to the fen
  if (col === 8 && number !== undefined) return number === 99 ? 33 * 3.0000000000000004 : number;
  const when = wallDate(text);
  if (col === 14 && when) return when;
  if (col === 15 && when) return (when.getTime() - SERIAL_EPOCH) / 86_400_000;
  if (col === 3 && text === '10片装') return new Date(Date.UTC(2026, 2, 1));
  return text;
}

/**
 * Workbooks for the differential test: each CSV quirk file the DuckDB path takes as one sheet of
 * text; 抖店 with typed cells it reads the same as text (fast: amounts with float noise among them);
 * and sheets it must refuse (JS path): a number with float noise in a text column, an amount with
 * three decimals, a time with milliseconds, a 19-digit id as a number, a title row,
 * a blank row between rows, a second sheet.
 */
export async function writeQuirkWorkbooks(dir: string): Promise<QuirkFile[]> {
  const out: QuirkFile[] = [];
  for (const q of writeQuirkFiles(dir).filter((f) => f.fast)) {
    const path = q.path.replace(/\.csv$/, '.xlsx');
    await csvToWorkbook(q.path, path);
    out.push({ ...q, name: q.name.replace(/\.csv$/, '.xlsx'), path });
  }
  const douyin = join(dir, 'quirks-douyin-bom.csv');
  const book = async (name: string, fast: boolean, o: WorkbookOptions) => {
    const path = join(dir, name);
    await csvToWorkbook(douyin, path, o);
    out.push({ name, path, fast });
  };
  await book('douyin-typed.xlsx', true, { cell: typedDouyinCell });
  const only = (row: number, col: number, value: number | Date) => (text: string, r: number, c: number) => (r === row && c === col ? value : text);
  await book('declined-float-title.xlsx', false, { cell: only(0, 2, 59.699999999999996) });
  await book('declined-amount-3-decimals.xlsx', false, { cell: only(0, 8, 12.345) });
  await book('declined-time-ms.xlsx', false, { cell: only(0, 14, new Date(Date.UTC(2026, 2, 1, 20, 0, 0, 750))) });
  await book('declined-unsafe-id.xlsx', false, { cell: only(2, 0, 6920000000000000002) });
  await book('declined-title-row.xlsx', false, { titleRow: true });
  await book('declined-blank-row.xlsx', false, { blankAfter: 2 });
  await book('declined-two-sheets.xlsx', false, { notes: true });
  return out;
}
