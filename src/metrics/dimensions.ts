/**
 * Dimensions a metric query can split or filter by, and time grains. Written once as
 * `as const` arrays so a missing label or fact mapping is a compile error.
 */
export const timeGrains = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TimeGrain = (typeof timeGrains)[number];

export const dimensionNames = [
  'platform', 'shop', 'category_l1', 'category_l2', 'category_l3', 'sku', 'source', 'channel', 'ad_campaign',
  'campaign', 'phase', 'province', 'member_tier', 'live_room', 'host', 'agent', 'expense_kind',
] as const;
export type DimensionName = (typeof dimensionNames)[number];

type Label = { zh: string; en: string };

export const dimensionLabels: Record<DimensionName, Label> = {
  platform: { zh: '平台', en: 'platform' },
  shop: { zh: '店铺', en: 'shop' },
  category_l1: { zh: '一级类目', en: 'top category' },
  category_l2: { zh: '二级类目', en: 'second-level category' },
  category_l3: { zh: '叶子类目', en: 'leaf category' },
  sku: { zh: 'SKU', en: 'SKU' },
  source: { zh: '流量来源', en: 'traffic source' },
  channel: { zh: '推广渠道', en: 'ad channel' },
  ad_campaign: { zh: '推广计划', en: 'ad campaign' },
  campaign: { zh: '营销活动', en: 'sales campaign' },
  phase: { zh: '活动阶段', en: 'campaign phase' },
  province: { zh: '省份', en: 'province' },
  member_tier: { zh: '会员等级', en: 'member tier' },
  live_room: { zh: '直播场次', en: 'live session' },
  host: { zh: '主播', en: 'live host' },
  agent: { zh: '客服', en: 'service agent' },
  expense_kind: { zh: '费用类型', en: 'expense kind' },
};

export const grainLabels: Record<TimeGrain, Label> = {
  day: { zh: '日', en: 'day' },
  week: { zh: '周(ISO)', en: 'ISO week' },
  month: { zh: '月', en: 'month' },
  quarter: { zh: '季度', en: 'quarter' },
  year: { zh: '年', en: 'year' },
};

/** Drill-down paths: each level's totals add up to the level above. */
export const drillPaths = {
  product: ['platform', 'shop', 'category_l1', 'sku'],
  category: ['category_l1', 'category_l2', 'category_l3', 'sku'],
  traffic: ['platform', 'shop', 'source'],
} as const satisfies Record<string, readonly DimensionName[]>;

export function isDimension(name: string): name is DimensionName {
  return (dimensionNames as readonly string[]).includes(name);
}

export function isGrain(name: string): name is TimeGrain {
  return (timeGrains as readonly string[]).includes(name);
}
