import { defineErrors } from '../core/errors.js';

export const CampaignErrors = defineErrors({
  CAMPAIGN_INVALID: {
    http: 400, userCaused: true,
    zh: (p: { detail: string }) => `活动设置无效:${p.detail}`,
    en: (p: { detail: string }) => `the campaign is not valid: ${p.detail}`,
  },
  CAMPAIGN_NOT_FOUND: {
    http: 404, userCaused: true,
    zh: (p: { id: string }) => `找不到活动 ${p.id}`,
    en: (p: { id: string }) => `no campaign ${p.id}`,
  },
  CAMPAIGN_OVERLAP: {
    http: 409, userCaused: true,
    zh: (p: { other: string; from: string; to: string }) => `与活动「${p.other}」的日期重叠(${p.from} 至 ${p.to}):同一店铺同一天的订单只能归属一个活动`,
    en: (p: { other: string; from: string; to: string }) => `overlaps campaign "${p.other}" (${p.from} to ${p.to}): an order of a shop and day belongs to one campaign only`,
  },
});
