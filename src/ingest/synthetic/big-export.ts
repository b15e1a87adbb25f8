/**
 * Writes large synthetic exports in real layouts (Taobao 订单报表, 宝贝报表 and 退款报表, 京东 POP
 * orders and 旺店通 订单明细 in GBK; 抖店 orders and 售后, 拼多多 orders in UTF-8 with BOM; 聚水潭 orders in
 * UTF-8) for the import benchmark and the kill -9 test.
 * Deterministic for a given size; written in chunks so memory stays flat.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import iconv from 'iconv-lite';

const TAOBAO_HEAD = ['订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '买家支付积分', '总金额', '返点积分', '买家实际支付金额',
  '买家实际支付积分', '订单状态', '买家留言', '收货人姓名', '收货地址 ', '运送方式', '联系电话 ', '联系手机', '订单创建时间', '订单付款时间 ',
  '宝贝标题 ', '宝贝种类 ', '物流单号 ', '物流公司', '订单备注', '宝贝总数量', '店铺Id', '店铺名称', '订单关闭原因', '卖家服务费', '买家服务费'];
const DOUYIN_HEAD = ['主订单编号', '子订单编号', '选购商品', '商品规格', '商品数量', '商品ID', '商家编码', '商品单价', '商品金额', '订单应付金额', '运费',
  '平台实际承担优惠金额', '商家实际承担优惠金额', '达人实际承担优惠金额', '订单提交时间', '支付完成时间', '订单完成时间', '发货时间', '订单状态', '售后状态',
  '收件人', '收件人手机号', '达人ID', '流量来源', '店铺名称'];
const JD_HEAD = ['订单号', '商品ID', '商品名称', '订购数量', '下单时间', '京东价', '订单金额', '结算金额', '应付金额', '运费金额', '订单状态', '下单帐号',
  '客户姓名', '客户地址', '联系电话', '付款确认时间', '订单完成时间', '货号', '订单来源', '店铺ID', '店铺名称'];
const PDD_HEAD = ['订单成交时间', '商品', '订单号', '订单状态', '商品数量(件)', '支付时间', '发货时间', '确认收货时间', '商品id', '样式ID',
  '商家编码-规格维度', '商家编码-商品维度', '售后状态', '商品总价(元)', '邮费(元)', '店铺优惠折扣(元)', '平台优惠折扣(元)', '多多支付立减金额(元)',
  '用户实付金额(元)', '商家实收金额(元)', '省', '市'];
const ITEMS_HEAD = ['订单编号', '标题', '价格', '购买数量', '外部系统编号', '商品属性', '套餐信息', '备注', '订单状态', '商家编码'];
const WDT_HEAD = ['订单编号', '店铺', '订单来源', '仓库', '子单原始单号', '订单状态', '交易时间', '付款时间', '客户网名', '收件人', '收货地区', '收件人手机',
  '订单支付金额', '邮费', '订单总优惠', '商家编码', '货品编号', '货品名称', '规格名称', '下单数量', '标价', '成交价', '分摊后总价'];
const JST_HEAD = ['内部订单号', '线上订单号', '店铺名称', '全渠道用户ID', '下单时间', '付款日期', '发货日期', '应付金额', '已付金额', '状态', '收货人', '省份',
  '城市', '子订单编号', '线上子订单编号', '款号', '商品编码', '数量', '商品单价', '商品名称', '颜色及规格', '商品金额'];
const JST_STATUS = ['已完成', '已发货', '发货中', '已取消', '等待付款'];
const TB_STATUS = ['交易成功', '卖家已发货，等待买家确认', '买家已付款，等待卖家发货', '交易关闭', '等待买家付款'];
const DY_STATUS = ['已完成', '已发货', '待发货', '已关闭'];
const JD_STATUS = ['完成', '等待确认收货', '等待出库', '已取消', '等待付款'];
const WDT_STATUS = ['已完成', '已发货', '待审核', '已取消', '未付款'];
const PDD_STATUS = ['已收货', '已发货，待收货', '待发货', '已取消', '待支付'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');
function stamp(i: number): string {
  // spread over ~3 months from 2026-01-01, one order every ~8 seconds
  const t = Date.UTC(2026, 0, 1) + i * 7919;
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)} ${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
}
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${pad(fen % 100, 2)}`;

function taobaoRow(i: number): string {
  const id = `37${pad(i, 17)}`;
  const goods = 1990 + (i * 7) % 50000;
  const post = i % 3 === 0 ? 1000 : 0;
  const st = TB_STATUS[i % TB_STATUS.length]!;
  const unpaid = st === '等待买家付款';
  const paid = goods + post;
  return [`="${id}"`, `buyer_${i % 200003}`, 'a***@163.com', yuan(goods), yuan(post), '0', yuan(paid), '0', yuan(paid), '0', st, '', '张**',
    '浙江省 杭州市 西湖区 文三路**号', '快递', '', '138****1234', stamp(i), unpaid ? '' : stamp(i + 3), '"羊绒大衣，围巾"', '2', `YT${pad(i, 12)}`, '圆通速递', '',
    String(1 + (i % 3)), '100', '蓝鲸旗舰店', '订单未关闭', '0.00', '0.00'].join(',');
}

function douyinRow(i: number): string {
  const order = `69${pad(Math.floor(i / 2), 17)}`;
  const sub = `69${pad(i, 17)}`;
  const qty = 1 + (i % 2);
  const price = 990 + (i * 13) % 20000;
  const st = DY_STATUS[i % DY_STATUS.length]!;
  const payable = price * qty - 500;
  return [`"\t${order}"`, `"\t${sub}"`, '面膜', '10片装', String(qty), '3550001', `MASK-${i % 997}`, yuan(price), yuan(price * qty), yuan(payable), '0.00',
    '2.00', '3.00', '0.00', stamp(i), stamp(i + 1), st === '已完成' ? stamp(i + 40000) : '-', st === '待发货' ? '-' : stamp(i + 9000), st,
    i % 50 === 0 ? '退款成功' : '-', '##密文', '##密文', '-', '直播', '抖音美妆店'].join(',');
}

/** 京东: one row per SKU, one or two SKUs per order, the order amounts on each. */
function jdRow(i: number): string {
  const o = Math.floor(i / 2);
  const order = `3${pad(o, 11)}`;
  const price = (k: number) => 1990 + (k * 11) % 30000;
  const qty = (k: number) => 1 + (k % 2);
  const post = o % 4 === 0 ? 600 : 0;
  const total = price(2 * o) * qty(2 * o) + price(2 * o + 1) * qty(2 * o + 1);
  const st = JD_STATUS[o % JD_STATUS.length]!;
  const paidAt = st === '等待付款' ? '0001-01-01 00:00:00' : stamp(o + 2);
  return [order, String(100000 + (i % 5003)), '电饭煲', String(qty(i)), stamp(o), yuan(price(i)), yuan(total), yuan(total), yuan(total + post),
    yuan(post), st, `jd_${o % 150001}`, '张**', '北京 北京市 朝阳区 建国路**号', '138****0001', paidAt, st === '完成' ? stamp(o + 30000) : '',
    `RC-${i % 5003}`, '京东APP', 'J200', '京东自营旗舰'].join(',');
}

/** 拼多多: one row per order, amounts with thousands separators. */
function pddRow(i: number): string {
  const goods = 990 + (i * 17) % 250000;
  const off = i % 5 === 0 ? 300 : 0;
  const st = PDD_STATUS[i % PDD_STATUS.length]!;
  const unpaid = st === '待支付';
  const money = (fen: number) => (fen >= 100000 ? `"${Math.floor(fen / 100000)},${yuan(fen % 100000).padStart(6, '0')}"` : yuan(fen));
  return [stamp(i), '拖鞋', `${260000 + (i % 10000)}-${pad(i, 15)}`, st, String(1 + (i % 3)), unpaid ? '' : stamp(i + 1),
    st === '待发货' || unpaid ? '' : stamp(i + 9000), st === '已收货' ? stamp(i + 40000) : '', String(5550000 + (i % 701)), String(8880000 + (i % 4001)),
    `SL-${i % 4001}`, 'SL', i % 40 === 0 ? '退款成功' : '无售后或售后取消', money(goods), '0.00', yuan(off), '0.00', '-', money(goods - off), money(goods - off),
    '四川省', '成都市'].join(',');
}

/** 淘宝 宝贝报表: one row per item, two per order of taobaoRow's numbering; a third of them without 商家编码 (the line key is a hash). */
function itemsRow(i: number): string {
  const o = Math.floor(i / 2);
  const colour = ['驼色', '黑色', '白色', '藏青'][i % 4]!;
  const size = ['S', 'M', 'L', 'XL', 'XXL'][(i >> 2) % 5]!;
  return [`="37${pad(o, 17)}"`, `羊绒大衣${i % 53}`, yuan(1990 + (i * 7) % 50000), String(1 + (i % 3)), '', `颜色分类：${colour};尺码：${size}`, '', '',
    TB_STATUS[o % TB_STATUS.length]!, i % 3 === 0 ? '' : `SKU-${i % 53}-${colour}-${size}`].join(',');
}

/** 旺店通 订单明细: one row per goods line, two per order, each with its share of the paid amount. */
function wdtRow(i: number): string {
  const o = Math.floor(i / 2);
  const price = (k: number) => 990 + (k * 13) % 40000;
  const st = WDT_STATUS[o % WDT_STATUS.length]!;
  const paid = price(2 * o) + price(2 * o + 1);
  return [`=JY${pad(o, 10)}`, '蓝鲸旗舰店', '淘宝', '杭州仓', `=38${pad(o, 17)}`, st, stamp(o), st === '未付款' ? '' : stamp(o + 2), `buyer_${o % 200003}`, '张**',
    '浙江省 杭州市 西湖区', '138****1234', yuan(paid), '0.00', '0.00', `SKU-${i % 3001}`, `G-${i % 1009}`, '羊绒大衣', '驼色 M', '1', yuan(price(i)),
    yuan(price(i)), yuan(price(i))].join(',');
}

/** 聚水潭 orders: two goods lines per order (as 旺店通), platform orders numbered apart from 旺店通's. */
function jstRow(i: number): string {
  const o = Math.floor(i / 2);
  const price = (k: number) => 1990 + (k * 17) % 30000;
  const st = JST_STATUS[o % JST_STATUS.length]!;
  const paid = st === '等待付款' ? 0 : price(2 * o) + price(2 * o + 1);
  const shipped = st === '已完成' || st === '已发货';
  return [String(880000000 + o), `39${pad(o, 17)}`, '京东自营旗舰', `jd_user${o % 200003}`, stamp(o), paid ? stamp(o + 2) : '', shipped ? stamp(o + 40) : '',
    yuan(price(2 * o) + price(2 * o + 1)), yuan(paid), st, '周**', '北京', '北京市', String(i % 2 + 1), String(100000 + i), 'RC', `RC-${i % 3001}`, '1',
    yuan(price(i)), '电饭煲', '标准', yuan(price(i))].join(',');
}

const TB_REFUND_HEAD = ['订单编号', '退款编号', '支付宝交易号', '订单付款时间', '退款完结时间', '买家实际支付金额', '宝贝标题', '买家退款金额', '手工退款_系统退款',
  '是否需要退货', '退款的申请时间', '退款状态', '买家退款原因', '售中或售后'];
const DY_AFTERSALE_HEAD = ['售后单号', '订单号', '商品单号', '售后类型', '售后状态', '售后申请时间', '售后完结时间', '退商品金额(元)', '售后原因', '退货数量', '店铺名称'];
const REFUND_STATUS = ['退款成功', '退款关闭', '买家已经申请退款，等待卖家同意'];

/** 淘宝 退款报表: one refund per order of taobaoRow's numbering, some still pending. */
function tbRefundRow(i: number): string {
  const st = REFUND_STATUS[i % REFUND_STATUS.length]!;
  return [`="37${pad(i, 17)}"`, `="2${pad(i, 17)}"`, '', stamp(i + 3), st === REFUND_STATUS[2] ? '' : stamp(i + 20000), yuan(1990 + (i * 7) % 50000), '羊绒大衣',
    yuan(990 + (i * 7) % 1000), '系统退款', i % 2 === 0 ? '是' : '否', stamp(i + 10000), st, '尺码不合适', '售后退款'].join(',');
}

/** 抖店 售后: one case per sub-order of douyinRow's numbering. */
function dyAftersaleRow(i: number): string {
  const st = REFUND_STATUS[i % REFUND_STATUS.length]!;
  return [`'71${pad(i, 17)}`, `'69${pad(Math.floor(i / 2), 17)}`, `'69${pad(i, 17)}`, ['仅退款', '退货退款', '1'][i % 3]!, st, stamp(i + 5000),
    st === REFUND_STATUS[0] ? stamp(i + 20000) : '', yuan(490 + (i * 13) % 20000), '不想要了', String(1 + (i % 2)), '抖音美妆店'].join(',');
}

const KINDS = {
  'taobao-gbk': { head: TAOBAO_HEAD, row: taobaoRow, enc: 'gbk' },
  'taobao-items-gbk': { head: ITEMS_HEAD, row: itemsRow, enc: 'gbk' },
  'douyin-bom': { head: DOUYIN_HEAD, row: douyinRow, enc: 'bom' },
  'jd-gbk': { head: JD_HEAD, row: jdRow, enc: 'gbk' },
  'pdd-bom': { head: PDD_HEAD, row: pddRow, enc: 'bom' },
  'wdt-gbk': { head: WDT_HEAD, row: wdtRow, enc: 'gbk' },
  'jst-utf8': { head: JST_HEAD, row: jstRow, enc: 'utf8' },
  'taobao-refunds-gbk': { head: TB_REFUND_HEAD, row: tbRefundRow, enc: 'gbk' },
  'douyin-aftersales-bom': { head: DY_AFTERSALE_HEAD, row: dyAftersaleRow, enc: 'bom' },
} as const;

export type BigExportKind = keyof typeof KINDS;
export const bigExportKinds = Object.keys(KINDS) as BigExportKind[];

/** Writes `rows` data rows; returns the bytes written. */
export async function writeBigExport(path: string, kind: BigExportKind, rows: number): Promise<number> {
  const out = createWriteStream(path);
  const { head, row, enc } = KINDS[kind];
  const gbk = enc === 'gbk';
  let bytes = 0;
  const put = async (text: string) => {
    const buf = gbk ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
    bytes += buf.length;
    if (!out.write(buf)) await once(out, 'drain');
  };
  if (enc === 'bom') { out.write(Buffer.from([0xef, 0xbb, 0xbf])); bytes += 3; }
  await put(head.join(',') + '\r\n');
  const CHUNK = 5000;
  for (let i = 0; i < rows; i += CHUNK) {
    const lines: string[] = [];
    for (let j = i; j < Math.min(rows, i + CHUNK); j++) lines.push(row(j));
    await put(lines.join('\r\n') + '\r\n');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
