/**
 * The demo seller: one home-goods brand (简屿 JIANYU) with six shops on five platforms. Each
 * shop carries what differs by platform: its share of the business, its traffic sources with
 * their conversion rates, its ad channels, its status wording and its fee rate.
 */
import type { OrderStatus, Platform, ShopRow } from '../model/index.js';

export interface SourceSpec {
  name: string;
  /** share of the shop's orders */
  share: number;
  /** paying buyers / visitors on an ordinary day */
  conversion: number;
}

export interface AdChannelSpec {
  channel: string;
  /** ad plans (计划) run every day */
  plans: readonly string[];
  /** attributed GMV / cost on an ordinary day */
  roi: number;
  /** cost per click, fen */
  cpc: number;
  /** clicks / impressions */
  ctr: number;
}

export interface ShopSpec {
  id: string;
  platform: Platform;
  name: string;
  /** share of all order lines */
  share: number;
  hasLive: boolean;
  /** Pinduoduo order exports carry no buyer id: its orders have customer_id null */
  hidesBuyer: boolean;
  sources: readonly SourceSpec[];
  adChannels: readonly AdChannelSpec[];
  /** status wording of the platform's export, by canonical status */
  statusRaw: Record<OrderStatus, string>;
  /** platform fees withheld from the payout (commission, service fees) */
  feeRate: number;
  /** prefix of the platform's order numbers */
  orderPrefix: string;
  warehouse: string;
  /** customer-service agents */
  agents: readonly string[];
}

const TAOBAO_STATUS: Record<OrderStatus, string> = {
  unpaid: '等待买家付款', paid: '买家已付款,等待卖家发货', shipped: '卖家已发货,等待买家确认', completed: '交易成功', closed: '交易关闭',
};
const ALI_SOURCES: readonly SourceSpec[] = [
  { name: '搜索', share: 0.38, conversion: 0.045 },
  { name: '推荐', share: 0.2, conversion: 0.022 },
  { name: '付费推广', share: 0.22, conversion: 0.032 },
  { name: '活动', share: 0.1, conversion: 0.05 },
  { name: '其他', share: 0.1, conversion: 0.038 },
];
const ALI_ADS: readonly AdChannelSpec[] = [
  { channel: '直通车', plans: ['核心词-日常', '长尾词-拉新'], roi: 3.4, cpc: 110, ctr: 0.028 },
  { channel: '引力魔方', plans: ['人群-猜你喜欢', '人群-老客召回'], roi: 2.6, cpc: 70, ctr: 0.012 },
];

export const demoShops: readonly ShopSpec[] = [
  {
    id: 'tmall_flagship', platform: 'tmall', name: '简屿家居旗舰店', share: 0.3, hasLive: false, hidesBuyer: false,
    sources: ALI_SOURCES, adChannels: ALI_ADS, statusRaw: TAOBAO_STATUS, feeRate: 0.05, orderPrefix: '3', warehouse: '嘉兴仓',
    agents: ['客服-小雅', '客服-阿明', '客服-小周', '客服-晓晓'],
  },
  {
    id: 'tmall_kitchen', platform: 'tmall', name: '简屿厨具专营店', share: 0.1, hasLive: false, hidesBuyer: false,
    sources: ALI_SOURCES, adChannels: ALI_ADS.slice(0, 1), statusRaw: TAOBAO_STATUS, feeRate: 0.05, orderPrefix: '2', warehouse: '嘉兴仓',
    agents: ['客服-小林', '客服-阿青'],
  },
  {
    id: 'taobao_store', platform: 'taobao', name: '简屿生活馆', share: 0.12, hasLive: false, hidesBuyer: false,
    sources: ALI_SOURCES, adChannels: ALI_ADS.slice(0, 1), statusRaw: TAOBAO_STATUS, feeRate: 0.015, orderPrefix: '1', warehouse: '嘉兴仓',
    agents: ['客服-小敏', '客服-大刘'],
  },
  {
    id: 'jd_pop', platform: 'jd', name: '简屿京东旗舰店', share: 0.18, hasLive: false, hidesBuyer: false,
    sources: [
      { name: '搜索', share: 0.45, conversion: 0.05 },
      { name: '推荐', share: 0.15, conversion: 0.024 },
      { name: '付费推广', share: 0.2, conversion: 0.034 },
      { name: '活动', share: 0.1, conversion: 0.055 },
      { name: '其他', share: 0.1, conversion: 0.04 },
    ],
    adChannels: [{ channel: '京东快车', plans: ['关键词-日常', '商品推广-爆款'], roi: 3.8, cpc: 130, ctr: 0.022 }],
    statusRaw: { unpaid: '等待付款', paid: '等待出库', shipped: '等待确认收货', completed: '完成', closed: '取消' },
    feeRate: 0.08, orderPrefix: '', warehouse: '京东华东仓', agents: ['客服-京京', '客服-小东', '客服-阿豪'],
  },
  {
    id: 'pdd_store', platform: 'pdd', name: '简屿家居百货', share: 0.15, hasLive: false, hidesBuyer: true,
    sources: [
      { name: '搜索', share: 0.35, conversion: 0.042 },
      { name: '推荐', share: 0.25, conversion: 0.028 },
      { name: '付费推广', share: 0.25, conversion: 0.033 },
      { name: '活动', share: 0.15, conversion: 0.058 },
    ],
    adChannels: [{ channel: '多多搜索', plans: ['全站推广', '标准推广-关键词'], roi: 3.0, cpc: 60, ctr: 0.03 }],
    statusRaw: { unpaid: '待支付', paid: '未发货', shipped: '已发货', completed: '已收货', closed: '已取消' },
    feeRate: 0.006, orderPrefix: '', warehouse: '嘉兴仓', agents: ['客服-多多', '客服-小拼'],
  },
  {
    id: 'douyin_live', platform: 'douyin', name: '简屿官方旗舰店(抖音)', share: 0.15, hasLive: true, hidesBuyer: false,
    sources: [
      { name: '直播', share: 0.45, conversion: 0.058 },
      { name: '短视频', share: 0.2, conversion: 0.025 },
      { name: '达人', share: 0.15, conversion: 0.04 },
      { name: '付费推广', share: 0.15, conversion: 0.03 },
      { name: '搜索', share: 0.05, conversion: 0.045 },
    ],
    adChannels: [{ channel: '巨量千川', plans: ['直播间-成交', '短视频-种草'], roi: 2.4, cpc: 90, ctr: 0.018 }],
    statusRaw: { unpaid: '待支付', paid: '待发货', shipped: '已发货', completed: '已完成', closed: '已关闭' },
    feeRate: 0.05, orderPrefix: '6', warehouse: '嘉兴仓', agents: ['客服-抖抖', '客服-小音', '客服-阿乐'],
  },
];

export function shopRow(s: ShopSpec): ShopRow {
  return { shop_id: s.id, platform: s.platform, name: s.name, timezone: 'Asia/Shanghai', currency: 'CNY', has_live: s.hasLive };
}

/** Platform-looking order numbers, unique within the shop: 19 digits on Taobao/Tmall and Douyin, 12 on JD, `YYMMDD-…` on Pinduoduo. */
export function orderIdOf(shop: ShopSpec, shopIndex: number, seq: number, day: string): string {
  if (shop.platform === 'pdd') return `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(seq).padStart(15, '0')}`;
  if (shop.platform === 'jd') return String(280_000_000_000 + seq * 7 + shopIndex);
  return `${shop.orderPrefix}${String(shopIndex)}${String(seq).padStart(17, '0')}`;
}
