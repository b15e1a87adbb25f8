/**
 * A campaign (大促) as the seller defines it: a name, the kind that makes it comparable across
 * years (618 with last year's 618), the shop it covers (or every shop), its phases
 * (预热/爆发/返场) with their dates and paid-amount targets, and its other targets. Money is
 * decimal yuan text at the edge ("1000000.00") and fen inside.
 */
import { z } from 'zod';
import { decimalToFen } from '../core/money.js';
import { dayTextToNumber } from '../core/time.js';
import { campaignPhaseNames, campaignPhases, type CampaignPhase } from '../model/index.js';

/** Kinds comparable across years; 'other' is never compared with another campaign. */
export const campaignKinds = ['618', 'double11', 'double12', 'newyear', 'other'] as const;
export type CampaignKind = (typeof campaignKinds)[number];

export const campaignKindNames: Record<CampaignKind, { zh: string; en: string }> = {
  '618': { zh: '618', en: '618' },
  double11: { zh: '双11', en: 'Double 11' },
  double12: { zh: '双12', en: 'Double 12' },
  newyear: { zh: '年货节', en: 'New Year festival' },
  other: { zh: '其他活动', en: 'other' },
};

const day = z.string().refine((s) => dayTextToNumber(s) !== undefined, 'a day YYYY-MM-DD');
const yuan = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const fen = decimalToFen(String(v));
  if (fen === undefined || fen < 0n) {
    ctx.addIssue({ code: 'custom', message: 'an amount in yuan, at most 2 decimals / 金额(元),最多两位小数' });
    return z.NEVER;
  }
  return fen;
});

const phaseSchema = z.object({
  phase: z.enum(campaignPhases),
  start: day,
  end: day,
  gmvTarget: yuan.default(0n),
}).strict().refine((p) => p.start <= p.end, { message: 'start after end / 开始日期晚于结束日期' });

export const campaignInput = z.object({
  name: z.string().trim().min(1).max(60),
  kind: z.enum(campaignKinds),
  /** null: every shop */
  shopId: z.string().min(1).nullable().default(null),
  phases: z.array(phaseSchema).min(1).max(3),
  newBuyerTarget: z.number().int().min(0).default(0),
  roiTarget: z.number().min(0).default(0),
  budget: yuan.default(0n),
}).strict().superRefine((c, ctx) => {
  const seen = new Set<string>();
  for (const p of c.phases) {
    if (seen.has(p.phase)) ctx.addIssue({ code: 'custom', path: ['phases'], message: `phase ${p.phase} twice / 阶段重复` });
    seen.add(p.phase);
  }
  // Phases run in order, one after another: 预热 before 爆发 before 返场, never on the same day.
  const order = [...c.phases].sort((a, b) => campaignPhases.indexOf(a.phase) - campaignPhases.indexOf(b.phase));
  for (let k = 1; k < order.length; k++) {
    if (order[k]!.start <= order[k - 1]!.end) {
      ctx.addIssue({ code: 'custom', path: ['phases'], message: `${order[k]!.phase} must start after ${order[k - 1]!.phase} ends / 阶段日期须依次排列、不重叠` });
    }
  }
});
export type CampaignInput = z.output<typeof campaignInput>;

/** A stored campaign as the API shows it: money as decimal yuan text. */
export interface CampaignView {
  id: string;
  name: string;
  kind: CampaignKind | string;
  year: number;
  shopId: string | null;
  phases: { phase: CampaignPhase; name: { zh: string; en: string }; start: string; end: string; gmvTarget: string }[];
  gmvTarget: string;
  newBuyerTarget: number;
  roiTarget: number;
  budget: string;
}

export const phaseName = (p: CampaignPhase) => campaignPhaseNames[p];
