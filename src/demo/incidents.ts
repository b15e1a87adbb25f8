/**
 * The incidents the demo plants so alerts and analyses can be shown to find them. Each sits
 * in the last few months, on ordinary days (no campaign phase overlaps it, so a campaign
 * swing cannot hide or fake it), and is written to the `incidents` table:
 * - stockout: the flagship's best-selling SKU runs out of stock (supplier delay) for 6 days:
 *   available 0, no sales; replenishment is held back in the weeks before so stock runs down;
 * - conversion_drop: JD search converts at 45 % of normal for 7 days (a ranking penalty):
 *   visitors hold, orders and buyers from 搜索 fall;
 * - refund_spike: the Douyin shop's second best seller ships a bad batch for 7 days: lines paid in those days
 *   are refunded at ~40 % with reason 质量问题 (baseline is a few per cent);
 * - data_gap: the Pinduoduo shop's data stops for 2 days: no orders, traffic, ads or
 *   expenses are recorded for those days.
 */
import { addDays } from '../core/time.js';
import type { IncidentRow } from '../model/index.js';
import type { DayInfo } from './calendar.js';
import type { ShopCatalog } from './catalog.js';
import type { ShopSpec } from './shops.js';

export interface IncidentPlan {
  kind: 'stockout' | 'conversion_drop' | 'refund_spike' | 'data_gap';
  shopIndex: number;
  /** index into the shop's catalog, for SKU incidents */
  skuIndex: number | null;
  source: string | null;
  startIndex: number;
  endIndex: number;
  row: IncidentRow;
}

interface Want {
  kind: IncidentPlan['kind'];
  shopId: string;
  skuRank: number | null;
  source: string | null;
  days: number;
  /** the incident ends at least this many days before the end day */
  endsBefore: number;
  zh: string;
  en: string;
}

const WANTS: readonly Want[] = [
  { kind: 'stockout', shopId: 'tmall_flagship', skuRank: 0, source: null, days: 6, endsBefore: 35,
    zh: '爆款断货:供应商延迟交货,可售库存为 0,期间无销售', en: 'hit SKU out of stock: supplier delay, available 0, no sales' },
  { kind: 'conversion_drop', shopId: 'jd_pop', skuRank: null, source: '搜索', days: 7, endsBefore: 19,
    zh: '搜索流量转化率下降约 55%(搜索排名降权),访客数不变', en: 'search conversion down ~55 % (ranking penalty); visitors unchanged' },
  { kind: 'refund_spike', shopId: 'douyin_live', skuRank: 1, source: null, days: 7, endsBefore: 54,
    zh: '一批次质量问题:期间支付的该 SKU 约 40% 退款,原因 质量问题', en: 'bad batch: ~40 % of this SKU’s lines paid in these days refunded for 质量问题' },
  { kind: 'data_gap', shopId: 'pdd_store', skuRank: null, source: null, days: 2, endsBefore: 10,
    zh: '数据中断两天:订单、流量、推广、费用均无记录', en: 'data stopped for two days: no orders, traffic, ads or expenses recorded' },
];

/** Places the incidents on the calendar, each on the latest campaign-free window that fits. */
export function planIncidents(days: readonly DayInfo[], shops: readonly ShopSpec[], catalogs: readonly ShopCatalog[]): IncidentPlan[] {
  return WANTS.map((w, n) => {
    const shopIndex = shops.findIndex((s) => s.id === w.shopId);
    if (shopIndex < 0) throw new Error(`demo incident: no shop ${w.shopId}`);
    let end = days.length - 1 - w.endsBefore;
    // Step back until the window and the two weeks before it are free of campaign days.
    while (end - w.days - 14 >= 0 && days.slice(end - w.days - 14, end + 1).some((d) => d.campaignId !== null)) end--;
    const start = Math.max(0, end - w.days + 1);
    const skuIndex = w.skuRank === null ? null : Math.min(w.skuRank, catalogs[shopIndex]!.skus.length - 1);
    const sku = skuIndex === null ? null : catalogs[shopIndex]!.skus[skuIndex]!;
    const startDay = days[start]!.day;
    return {
      kind: w.kind, shopIndex, skuIndex, source: w.source, startIndex: start, endIndex: end,
      row: {
        incident_id: `demo-${n + 1}-${w.kind}`, kind: w.kind, shop_id: w.shopId, sku_id: sku?.skuId ?? null, source: w.source,
        start_day: startDay, end_day: addDays(startDay, end - start), description: `${w.zh} / ${w.en}`,
      },
    };
  });
}

/** Quick lookups of the plans by what the generator asks on a given day. */
export class IncidentBook {
  constructor(readonly plans: readonly IncidentPlan[]) {}

  active(kind: IncidentPlan['kind'], shopIndex: number, dayIndex: number): IncidentPlan | undefined {
    return this.plans.find((p) => p.kind === kind && p.shopIndex === shopIndex && dayIndex >= p.startIndex && dayIndex <= p.endIndex);
  }

  find(kind: IncidentPlan['kind']): IncidentPlan {
    return this.plans.find((p) => p.kind === kind)!;
  }

  isDataGap(shopIndex: number, dayIndex: number): boolean {
    return this.active('data_gap', shopIndex, dayIndex) !== undefined;
  }
}
